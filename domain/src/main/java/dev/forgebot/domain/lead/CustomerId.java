package dev.forgebot.domain.lead;

/**
 * The channel's stable id of a customer (a Telegram user id; the terminal channel uses a fixed
 * local id). It is the lead's natural key: one lead per customer.
 *
 * @param value the channel's user id, positive
 */
public record CustomerId(long value) {

    public CustomerId {
        if (value <= 0) {
            throw new IllegalArgumentException("a customer id is positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
