-- forgebot embedded schema, version 2 (SQLite): claims on inbox entries (UpdateInbox.claim).
-- An instance claims a pending entry before handling it, so that of several sharing the store only one
-- handles it at a time; a claim ends at claimed_until (INTEGER nanoseconds since the epoch, like every
-- time in this schema) and can then be taken over. Both columns are NULL when the entry is unclaimed;
-- a scheduled retry clears them. On a finished (non-pending) row they are left as they were and mean nothing.
-- No index: a claim updates one row found through UNIQUE (source, external_id).
ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
ALTER TABLE inbox ADD COLUMN claimed_until INTEGER CHECK ((claimed_by IS NULL) = (claimed_until IS NULL));
