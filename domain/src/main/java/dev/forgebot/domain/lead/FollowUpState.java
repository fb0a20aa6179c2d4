package dev.forgebot.domain.lead;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-ups sent since the customer last wrote.
 *
 * @param sent       how many, 0 or more
 * @param lastSentAt when the last one went out; present exactly when {@code sent > 0}
 */
public record FollowUpState(int sent, Optional<Instant> lastSentAt) {

    /** None sent. */
    public static final FollowUpState NONE = new FollowUpState(0, Optional.empty());

    public FollowUpState {
        Objects.requireNonNull(lastSentAt, "lastSentAt");
        if (sent < 0) {
            throw new IllegalArgumentException("follow-ups sent cannot be negative, was " + sent);
        }
        if ((sent > 0) != lastSentAt.isPresent()) {
            throw new IllegalArgumentException("a last follow-up time is known exactly when one was sent");
        }
    }

    /** One more follow-up sent at {@code at}. */
    public FollowUpState next(Instant at) {
        return new FollowUpState(sent + 1, Optional.of(at));
    }
}
