-- forgebot schema for InsForge (PostgreSQL), migration forgebot-20261129000000-schema.
-- Mirrors the embedded SQLite schema (adapters-local V1__schema.sql) in PostgreSQL's dialect.
-- Runs in one server-side transaction: no BEGIN/COMMIT here.
-- Times are timestamptz (microseconds: the stores truncate instants to microseconds before writing).
-- Text ids that the code orders (kb_articles.id) use COLLATE "C" so the order is Java's string order
-- for ASCII (the store still sorts in Java after paging).
-- Every table has Row Level Security enabled and no policy: only the admin API key (BYPASSRLS) reaches them.
-- The migration runner checks each of these tables afterwards (a column to order by where there is no id):
-- tables: inbox(sequence), leads, messages, tickets, unanswered_questions(source), scenarios(number), scenario_runs, kb_articles, attachments(key)

-- The durable inbox: one row per inbound event, keyed by (source, external_id).
-- sequence is the arrival order; an identity never hands out a number twice.
CREATE TABLE public.inbox (
    sequence        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text        NOT NULL,
    external_id     text        NOT NULL,
    chat_id         bigint      NOT NULL,
    event           jsonb       NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'HANDLED', 'SKIPPED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    received_at     timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    handled_at      timestamptz,
    CONSTRAINT inbox_key UNIQUE (source, external_id),
    CONSTRAINT inbox_handled_iff_final CHECK ((state = 'PENDING') = (handled_at IS NULL))
);
CREATE INDEX inbox_pending_by_sequence ON public.inbox (sequence) WHERE state = 'PENDING';
CREATE INDEX inbox_pending_by_chat ON public.inbox (chat_id, sequence) WHERE state = 'PENDING';
CREATE INDEX inbox_finished ON public.inbox (state, handled_at) WHERE state <> 'PENDING';

-- Leads, one per customer (the channel's user id).
CREATE TABLE public.leads (
    id                       uuid        NOT NULL PRIMARY KEY,
    telegram_user_id         bigint      NOT NULL CHECK (telegram_user_id > 0),
    chat_id                  bigint      NOT NULL,
    display_name             text,
    name                     text,
    email                    text,
    phone                    text,
    company                  text,
    status                   text        NOT NULL CHECK (status IN ('NEW', 'ENGAGED', 'QUALIFIED', 'HANDED_OFF', 'CLOSED')),
    reachability             text        NOT NULL CHECK (reachability IN ('REACHABLE', 'BLOCKED')),
    intent                   text        NOT NULL CHECK (intent IN ('UNKNOWN', 'RESEARCH', 'PRICING', 'PURCHASE', 'SUPPORT')),
    score                    integer     NOT NULL CHECK (score BETWEEN 0 AND 100),
    created_at               timestamptz NOT NULL,
    last_customer_message_at timestamptz NOT NULL,
    follow_ups_sent          integer     NOT NULL CHECK (follow_ups_sent >= 0),
    last_follow_up_at        timestamptz,
    next_follow_up_at        timestamptz,
    claim_token              text,
    version                  bigint      NOT NULL DEFAULT 0 CHECK (version >= 0),
    CONSTRAINT leads_customer UNIQUE (telegram_user_id),
    CONSTRAINT leads_follow_up_sent CHECK ((follow_ups_sent > 0) = (last_follow_up_at IS NOT NULL))
);
CREATE INDEX leads_due_for_follow_up ON public.leads (next_follow_up_at, telegram_user_id)
    WHERE next_follow_up_at IS NOT NULL;
CREATE INDEX leads_created ON public.leads (created_at);
CREATE INDEX leads_qualified ON public.leads (id) WHERE email IS NOT NULL OR phone IS NOT NULL;

-- The conversation log: at most one message per (inbound event, direction).
-- No foreign key to inbox: inbox rows are pruned.
CREATE TABLE public.messages (
    id                uuid        NOT NULL PRIMARY KEY,
    lead_id           uuid        NOT NULL REFERENCES public.leads (id),
    direction         text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    text              text        NOT NULL,
    inbox_source      text        NOT NULL,
    inbox_external_id text        NOT NULL,
    created_at        timestamptz NOT NULL,
    position          bigint GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT messages_key UNIQUE (inbox_source, inbox_external_id, direction)
);
CREATE INDEX messages_by_lead ON public.messages (lead_id, created_at, position);
CREATE INDEX messages_by_direction ON public.messages (direction, created_at);

-- Handoff tickets: at most one open ticket per lead.
CREATE TABLE public.tickets (
    id                   uuid        NOT NULL PRIMARY KEY,
    lead_id              uuid        NOT NULL REFERENCES public.leads (id),
    chat_id              bigint      NOT NULL,
    reason               text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at            timestamptz NOT NULL,
    closed_at            timestamptz,
    operator_message_ref text,
    position             bigint GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT tickets_closed_iff_closed_at CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX tickets_one_open_per_lead ON public.tickets (lead_id) WHERE status = 'OPEN';
CREATE INDEX tickets_open ON public.tickets (opened_at, position) WHERE status = 'OPEN';
CREATE INDEX tickets_by_operator_message ON public.tickets (operator_message_ref, opened_at)
    WHERE operator_message_ref IS NOT NULL;

-- Questions the bot could not answer, one per inbound event.
CREATE TABLE public.unanswered_questions (
    source      text             NOT NULL,
    external_id text             NOT NULL,
    lead_id     uuid             NOT NULL REFERENCES public.leads (id),
    text        text             NOT NULL,
    best_score  double precision NOT NULL CHECK (best_score BETWEEN 0.0 AND 1.0),
    asked_at    timestamptz      NOT NULL,
    position    bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (source, external_id)
);
CREATE INDEX unanswered_questions_by_time ON public.unanswered_questions (asked_at, position);

-- Scenario drafts, numbered in saving order, one per fingerprint.
CREATE TABLE public.scenarios (
    number           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint      text        NOT NULL,
    representative   text        NOT NULL,
    examples         jsonb       NOT NULL,
    frequency        integer     NOT NULL CHECK (frequency >= 1),
    suggested_answer text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    created_at       timestamptz NOT NULL,
    approved_at      timestamptz,
    CONSTRAINT scenarios_fingerprint UNIQUE (fingerprint),
    CONSTRAINT scenarios_approved_iff_approved_at CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL))
);
CREATE INDEX scenarios_by_status ON public.scenarios (status, frequency DESC, number);

-- Scenario-run bookkeeping: one row per completed run; the last run is the latest window end.
CREATE TABLE public.scenario_runs (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    until_at timestamptz NOT NULL
);
CREATE INDEX scenario_runs_by_until ON public.scenario_runs (until_at);

-- Knowledge-base articles.
CREATE TABLE public.kb_articles (
    id    text COLLATE "C" NOT NULL PRIMARY KEY,
    title text  NOT NULL,
    body  text  NOT NULL,
    tags  jsonb NOT NULL
);

-- Files customers sent (the bytes live in the private storage bucket under key).
CREATE TABLE public.attachments (
    key          text   NOT NULL PRIMARY KEY,
    lead_id      uuid   NOT NULL REFERENCES public.leads (id),
    file_name    text   NOT NULL,
    content_type text   NOT NULL,
    size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
    path         text   NOT NULL UNIQUE
);
CREATE INDEX attachments_by_lead ON public.attachments (lead_id);

ALTER TABLE public.inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.unanswered_questions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.scenarios ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.scenario_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.kb_articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.attachments ENABLE ROW LEVEL SECURITY;

-- Statistics in one call; windows start at since, inclusive (same figures as SqliteStatistics).
CREATE FUNCTION public.bot_stats(since timestamptz) RETURNS json
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT json_build_object(
        'leads',            (SELECT count(*) FROM public.leads),
        'new_leads',        (SELECT count(*) FROM public.leads WHERE created_at >= since),
        'qualified_leads',  (SELECT count(*) FROM public.leads WHERE email IS NOT NULL OR phone IS NOT NULL),
        'inbound_messages', (SELECT count(*) FROM public.messages WHERE direction = 'INBOUND' AND created_at >= since),
        'open_tickets',     (SELECT count(*) FROM public.tickets WHERE status = 'OPEN'),
        'unanswered',       (SELECT count(*) FROM public.unanswered_questions WHERE asked_at >= since),
        'drafts',           (SELECT count(*) FROM public.scenarios WHERE status = 'DRAFT'))
$$;
REVOKE EXECUTE ON FUNCTION public.bot_stats(timestamptz) FROM PUBLIC, anon, authenticated;
