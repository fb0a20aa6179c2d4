package dev.forgebot.application.port.in;

import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Records that a customer blocked or unblocked the bot: a blocked lead gets no follow-ups and no
 * proactive messages until unblocked. Thread-safe.
 */
public interface ChangeReachability {

    /** Applies the change; a change for an unknown customer is ignored. */
    void change(ReachabilityCommand command);

    /**
     * A change of reachability.
     *
     * @param customer who
     * @param blocked  true when they blocked the bot
     * @param at       when
     */
    record ReachabilityCommand(CustomerId customer, boolean blocked, Instant at) {
        public ReachabilityCommand {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(at, "at");
        }
    }
}
