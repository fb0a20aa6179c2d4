package dev.forgebot.domain.conversation;

import java.util.regex.Pattern;

/**
 * The natural key of one inbound event: the channel it came from and the channel's own id for it
 * (a Telegram {@code update_id}, a terminal line number). Every channel writes an event under this
 * key exactly once, so a redelivered event is recognised as the one already stored.
 *
 * @param source     the channel, lower-case letters, digits and dashes, e.g. {@code telegram}
 * @param externalId the channel's id of the event, 1..128 visible ASCII characters
 */
public record InboundKey(String source, String externalId) {

    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[!-~]{1,128}");

    public InboundKey {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException(
                    "source must be 1-32 lower-case letters, digits or dashes starting with a letter, was: " + source);
        }
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new IllegalArgumentException("externalId must be 1-128 visible ASCII characters, was: " + externalId);
        }
    }

    @Override
    public String toString() {
        return source + ":" + externalId;
    }
}
