package dev.forgebot.domain.followup;

import dev.forgebot.domain.followup.FollowUpDecision.Never;
import dev.forgebot.domain.followup.FollowUpDecision.Reason;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.Reachability;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a quiet lead is due a follow-up. Silence is measured from the customer's last
 * message; follow-up {@code n} is due once that silence reaches step {@code n} of the schedule,
 * where {@code n} is the number already sent since that message. Leads that operators have, that are
 * closed or that blocked the bot never get one.
 *
 * <p>Immutable and thread-safe.
 */
public final class FollowUpPolicy {

    private final FollowUpSchedule schedule;

    public FollowUpPolicy(FollowUpSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** The schedule this policy follows. */
    public FollowUpSchedule schedule() {
        return schedule;
    }

    /** What to do about {@code lead} at {@code now}. */
    public FollowUpDecision decide(Lead lead, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Never> never = exclusion(lead);
        if (never.isPresent()) {
            return never.get();
        }
        int step = lead.followUp().sent();
        Instant dueAt = lead.lastCustomerMessageAt().plus(schedule.steps().get(step));
        return now.isBefore(dueAt) ? new FollowUpDecision.NotYet(step, dueAt) : new FollowUpDecision.Due(step, dueAt);
    }

    /**
     * When the lead's next follow-up falls due, if it has one; what storage keeps as the lead's
     * next follow-up time so that due leads can be found by a query.
     */
    public Optional<Instant> nextDueAt(Lead lead) {
        if (exclusion(lead).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(lead.lastCustomerMessageAt().plus(schedule.steps().get(lead.followUp().sent())));
    }

    private Optional<Never> exclusion(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        if (lead.reachability() == Reachability.BLOCKED) {
            return Optional.of(new Never(Reason.BLOCKED));
        }
        Reason reason = switch (lead.status()) {
            case HANDED_OFF -> Reason.HANDED_OFF;
            case CLOSED -> Reason.CLOSED;
            case NEW, ENGAGED, QUALIFIED -> null;
        };
        if (reason != null) {
            return Optional.of(new Never(reason));
        }
        if (lead.followUp().sent() >= schedule.size()) {
            return Optional.of(new Never(Reason.SCHEDULE_EXHAUSTED));
        }
        return Optional.empty();
    }
}
