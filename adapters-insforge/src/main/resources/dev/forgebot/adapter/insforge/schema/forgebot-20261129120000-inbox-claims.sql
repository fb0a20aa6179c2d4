-- forgebot migration forgebot-20261129120000-inbox-claims: claims on inbox entries.
-- Instances sharing one InsForge project claim a pending entry before handling it (UpdateInbox.claim):
-- a conditional PATCH sets claimed_by/claimed_until only where the entry is pending and unclaimed, its
-- claim ran out (claimed_until <= now) or the same owner holds it, so one instance handles an entry at a
-- time and a dead instance's entries are taken over when its claim runs out. Scheduling a retry clears
-- both columns; a final state leaves them as they were (moot, kept for operators).
-- Both columns are nullable and NULL on every existing row (unclaimed), so adding them rewrites nothing.
-- Runs in one server-side transaction: no BEGIN/COMMIT here. RLS is already enabled on public.inbox.
-- The runner checks afterwards that inbox can be ordered by the new column, which fails if it is missing:
-- tables: inbox(claimed_until)

ALTER TABLE public.inbox
    ADD COLUMN claimed_by    text        CHECK (char_length(claimed_by) BETWEEN 1 AND 64),
    ADD COLUMN claimed_until timestamptz,
    ADD CONSTRAINT inbox_claim_whole CHECK ((claimed_by IS NULL) = (claimed_until IS NULL));
