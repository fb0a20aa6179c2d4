-- forgebot embedded schema, version 1 (SQLite).
-- Times are INTEGER nanoseconds since the epoch (exact round trip, numeric order).
-- Enumerations are stored by name and checked. UUIDs are stored as their text form.

-- The durable inbox: one row per inbound event, keyed by (source, external_id).
-- seq is the arrival order; AUTOINCREMENT so a pruned row's number is never handed out again.
CREATE TABLE inbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    source          TEXT    NOT NULL,
    external_id     TEXT    NOT NULL,
    chat_id         INTEGER NOT NULL,
    event           TEXT    NOT NULL,                 -- the mapped InboundEvent as JSON
    state           TEXT    NOT NULL CHECK (state IN ('PENDING', 'HANDLED', 'SKIPPED', 'DEAD')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    received_at     INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    handled_at      INTEGER,
    UNIQUE (source, external_id),
    CHECK ((state = 'PENDING') = (handled_at IS NULL))
);
-- pending entries in arrival order, and per chat in arrival order
CREATE INDEX inbox_pending_by_seq ON inbox (seq) WHERE state = 'PENDING';
CREATE INDEX inbox_pending_by_chat ON inbox (chat_id, seq) WHERE state = 'PENDING';
-- pruning handled rows, listing dead letters
CREATE INDEX inbox_finished ON inbox (state, handled_at) WHERE state <> 'PENDING';

-- Leads, one per customer (the channel's user id).
CREATE TABLE leads (
    id                       TEXT    NOT NULL PRIMARY KEY,
    telegram_user_id         INTEGER NOT NULL UNIQUE CHECK (telegram_user_id > 0),
    chat_id                  INTEGER NOT NULL,
    display_name             TEXT,
    name                     TEXT,
    email                    TEXT,
    phone                    TEXT,                   -- normalised: '+' and digits when international
    company                  TEXT,
    status                   TEXT    NOT NULL CHECK (status IN ('NEW', 'ENGAGED', 'QUALIFIED', 'HANDED_OFF', 'CLOSED')),
    reachability             TEXT    NOT NULL CHECK (reachability IN ('REACHABLE', 'BLOCKED')),
    intent                   TEXT    NOT NULL CHECK (intent IN ('UNKNOWN', 'RESEARCH', 'PRICING', 'PURCHASE', 'SUPPORT')),
    score                    INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    created_at               INTEGER NOT NULL,
    last_customer_message_at INTEGER NOT NULL,
    follow_ups_sent          INTEGER NOT NULL CHECK (follow_ups_sent >= 0),
    last_follow_up_at        INTEGER,
    next_follow_up_at        INTEGER,
    claim_token              TEXT,
    version                  INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0), -- optimistic concurrency: every write adds 1
    CHECK ((follow_ups_sent > 0) = (last_follow_up_at IS NOT NULL))
);
-- due follow-ups, earliest first
CREATE INDEX leads_due_for_follow_up ON leads (next_follow_up_at, telegram_user_id) WHERE next_follow_up_at IS NOT NULL;
CREATE INDEX leads_created ON leads (created_at);

-- The conversation log: at most one message per (inbound event, direction).
-- inbox_source/inbox_external_id name the event; no foreign key, inbox rows are pruned.
CREATE TABLE messages (
    id                TEXT    NOT NULL PRIMARY KEY,
    lead_id           TEXT    NOT NULL REFERENCES leads (id),
    direction         TEXT    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    text              TEXT    NOT NULL,
    inbox_source      TEXT    NOT NULL,
    inbox_external_id TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    UNIQUE (inbox_source, inbox_external_id, direction)
);
CREATE INDEX messages_by_lead ON messages (lead_id, created_at);
CREATE INDEX messages_by_direction ON messages (direction, created_at);

-- Handoff tickets: at most one open ticket per lead.
CREATE TABLE tickets (
    id                   TEXT    NOT NULL PRIMARY KEY,
    lead_id              TEXT    NOT NULL REFERENCES leads (id),
    chat_id              INTEGER NOT NULL,
    reason               TEXT    NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at            INTEGER NOT NULL,
    closed_at            INTEGER,
    operator_message_ref TEXT,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX tickets_one_open_per_lead ON tickets (lead_id) WHERE status = 'OPEN';
CREATE INDEX tickets_open ON tickets (opened_at) WHERE status = 'OPEN';
CREATE INDEX tickets_by_operator_message ON tickets (operator_message_ref) WHERE operator_message_ref IS NOT NULL;

-- Questions the bot could not answer, one per inbound event.
CREATE TABLE unanswered_questions (
    source      TEXT    NOT NULL,
    external_id TEXT    NOT NULL,
    lead_id     TEXT    NOT NULL REFERENCES leads (id),
    text        TEXT    NOT NULL,
    best_score  REAL    NOT NULL CHECK (best_score BETWEEN 0.0 AND 1.0),
    asked_at    INTEGER NOT NULL,
    PRIMARY KEY (source, external_id)
);
CREATE INDEX unanswered_questions_by_time ON unanswered_questions (asked_at);

-- Scenario drafts, numbered in saving order, one per fingerprint.
CREATE TABLE scenarios (
    number           INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint      TEXT    NOT NULL UNIQUE,
    representative   TEXT    NOT NULL,
    examples         TEXT    NOT NULL,               -- JSON array of strings
    frequency        INTEGER NOT NULL CHECK (frequency >= 1),
    suggested_answer TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    created_at       INTEGER NOT NULL,
    approved_at      INTEGER,
    CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL))
);
CREATE INDEX scenarios_by_status ON scenarios (status, frequency DESC, number);

-- Scenario-run bookkeeping (not in the shared table list): one row per completed run, with the end
-- of the window it covered; the last run is the latest window end.
CREATE TABLE scenario_runs (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    until_at INTEGER NOT NULL
);
CREATE INDEX scenario_runs_by_until ON scenario_runs (until_at);

-- Knowledge-base articles.
CREATE TABLE kb_articles (
    id    TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    body  TEXT NOT NULL,
    tags  TEXT NOT NULL                                -- JSON array of strings
);

-- Files customers sent, stored under <data dir>/files/<path>.
CREATE TABLE attachments (
    key          TEXT    NOT NULL PRIMARY KEY,
    lead_id      TEXT    NOT NULL REFERENCES leads (id),
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    path         TEXT    NOT NULL UNIQUE             -- relative to <data dir>/files
);
CREATE INDEX attachments_by_lead ON attachments (lead_id);
