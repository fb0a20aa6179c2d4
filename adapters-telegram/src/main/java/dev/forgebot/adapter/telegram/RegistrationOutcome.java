package dev.forgebot.adapter.telegram;

import java.util.Objects;
import java.util.Set;

/** What {@link TelegramWebhookRegistrar#ensureRegistered} did. */
public sealed interface RegistrationOutcome {

    /** Telegram already had the wanted webhook: {@code setWebhook} was not called. */
    record Unchanged() implements RegistrationOutcome {
    }

    /**
     * {@code setWebhook} was called.
     *
     * @param differences what differed from the webhook Telegram had (all of them)
     */
    record Registered(Set<Difference> differences) implements RegistrationOutcome {
        public Registered {
            differences = Set.copyOf(Objects.requireNonNull(differences, "differences"));
            if (differences.isEmpty()) {
                throw new IllegalArgumentException("a registration happens for a difference");
            }
        }
    }

    /** A way the registered webhook can differ from the wanted one. */
    enum Difference {
        /** Another URL, or none (polling). */
        URL,
        /** The same URL registered with another secret (seen through the secret's fingerprint in the URL). */
        SECRET,
        /** Another set of update types. */
        ALLOWED_UPDATES,
        /** Another maximum of simultaneous deliveries. */
        MAX_CONNECTIONS
    }
}
