package dev.forgebot.adapter.local.terminal;

import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Duration;
import java.util.Objects;

/**
 * Who is who in the terminal chat.
 *
 * @param customer      the local customer's user id
 * @param customerChat  the customer's chat
 * @param customerName  the customer's display name
 * @param operator      the local operator's user id
 * @param operatorsChat the operators' chat ({@code op>} lines are written there)
 * @param settleTimeout how long a line may take to be handled before the next one is read
 * @param settlePoll    how often handling is checked while waiting
 */
public record TerminalSettings(
        CustomerId customer,
        ChatId customerChat,
        String customerName,
        CustomerId operator,
        ChatId operatorsChat,
        Duration settleTimeout,
        Duration settlePoll) {

    public TerminalSettings {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(customerChat, "customerChat");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operatorsChat, "operatorsChat");
        Objects.requireNonNull(settleTimeout, "settleTimeout");
        Objects.requireNonNull(settlePoll, "settlePoll");
        if (customerChat.equals(operatorsChat)) {
            throw new IllegalArgumentException("the customer's chat and the operators' chat must differ");
        }
        if (settlePoll.isNegative() || settlePoll.isZero()) {
            throw new IllegalArgumentException("settlePoll must be positive");
        }
    }

    /** One customer (chat 1) and one operator (chat 1000). */
    public static TerminalSettings defaults() {
        return new TerminalSettings(new CustomerId(1), new ChatId(1), "You", new CustomerId(1000), new ChatId(1000),
                Duration.ofSeconds(60), Duration.ofMillis(10));
    }
}
