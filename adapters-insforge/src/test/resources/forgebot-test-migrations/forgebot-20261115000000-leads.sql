-- tables: leads, messages
CREATE TABLE IF NOT EXISTS leads (id uuid PRIMARY KEY);
CREATE TABLE IF NOT EXISTS messages (id uuid PRIMARY KEY);
