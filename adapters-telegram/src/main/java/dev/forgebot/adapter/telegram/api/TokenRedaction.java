package dev.forgebot.adapter.telegram.api;

import java.util.Objects;

/**
 * Removes the token, and its secret half on its own, from a text that came from outside this class's
 * control (an exception message, a description): the last guard, in case something echoes a path.
 */
final class TokenRedaction {

    static final String MASK = "****";

    private final String token;
    private final String secret;

    TokenRedaction(BotToken token) {
        this.token = Objects.requireNonNull(token, "token").reveal();
        this.secret = this.token.substring(this.token.indexOf(':') + 1);
    }

    /** The text with every occurrence of the token or its secret replaced by {@value #MASK}; null stays null. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(token, MASK).replace(secret, MASK);
    }
}
