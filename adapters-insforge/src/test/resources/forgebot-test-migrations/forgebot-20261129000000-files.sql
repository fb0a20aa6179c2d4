-- tables: attachments
CREATE TABLE IF NOT EXISTS attachments (id uuid PRIMARY KEY);
