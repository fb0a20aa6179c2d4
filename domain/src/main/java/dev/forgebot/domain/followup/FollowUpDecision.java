package dev.forgebot.domain.followup;

import java.time.Instant;
import java.util.Objects;

/** What {@link FollowUpPolicy} says about one lead at one moment. */
public sealed interface FollowUpDecision {

    /**
     * Send follow-up number {@code step} (0-based) now; it fell due at {@code dueAt}.
     *
     * @param step  which step of the schedule
     * @param dueAt when it fell due
     */
    record Due(int step, Instant dueAt) implements FollowUpDecision {
        public Due {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * Nothing to send yet; follow-up number {@code step} falls due at {@code dueAt}.
     *
     * @param step  which step of the schedule
     * @param dueAt when it falls due
     */
    record NotYet(int step, Instant dueAt) implements FollowUpDecision {
        public NotYet {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * No follow-up for this lead until something changes (the customer writes, operators hand back).
     *
     * @param reason why not
     */
    record Never(Reason reason) implements FollowUpDecision {
        public Never {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a lead gets no follow-up. */
    enum Reason {
        HANDED_OFF,
        CLOSED,
        BLOCKED,
        SCHEDULE_EXHAUSTED
    }
}
