package dev.forgebot.adapter.telegram.api;

import java.util.Objects;

/**
 * The Bot API gave no answer: the connection could not be made, or the request went out and no
 * response came back (reset, timeout). {@link #requestSent()} tells the two apart, because
 * {@code sendMessage} has no idempotency key: resending is safe only when the request never left.
 *
 * <p>The message names the method and the kind of failure, never the token.
 */
public final class TelegramUnreachableException extends RuntimeException {

    private final String method;
    private final boolean requestSent;

    /**
     * @param method      the Bot API method
     * @param requestSent false when the connection failed before anything was sent
     * @param what        what went wrong, such as {@code connection refused} or {@code read timed out}
     */
    public TelegramUnreachableException(String method, boolean requestSent, String what) {
        super(method + " got no answer (" + (requestSent ? "request sent" : "nothing sent") + "): "
                + Objects.requireNonNull(what, "what"));
        this.method = Objects.requireNonNull(method, "method");
        this.requestSent = requestSent;
    }

    /** The Bot API method. */
    public String method() {
        return method;
    }

    /** Whether the request may have reached Telegram (so a resend could duplicate a message). */
    public boolean requestSent() {
        return requestSent;
    }
}
