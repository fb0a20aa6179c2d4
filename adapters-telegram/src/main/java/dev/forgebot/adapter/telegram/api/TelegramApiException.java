package dev.forgebot.adapter.telegram.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Bot API answered and refused the call: {@code ok=false} with an {@code error_code} and
 * {@code description}, or an HTTP error whose body was not the API's JSON (a gateway's HTML page),
 * in which case {@code errorCode} is the HTTP status and {@link #unreadableBody()} is true.
 *
 * <p>The message names the method and the error, never the token or a request's content.
 */
public final class TelegramApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;
    private final Duration retryAfter;
    private final Long migrateToChatId;
    private final boolean unreadableBody;

    /**
     * @param method          the Bot API method, such as {@code sendMessage}
     * @param errorCode       {@code error_code}, or the HTTP status when the body was unreadable
     * @param description     {@code description}, or a short note when the body was unreadable
     * @param retryAfter      {@code parameters.retry_after}, or null
     * @param migrateToChatId {@code parameters.migrate_to_chat_id}, or null
     * @param unreadableBody  whether the body was not the API's JSON
     */
    public TelegramApiException(String method, int errorCode, String description, Duration retryAfter,
            Long migrateToChatId, boolean unreadableBody) {
        super(method + " failed: " + errorCode + " " + Objects.requireNonNull(description, "description"));
        this.method = Objects.requireNonNull(method, "method");
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
        this.migrateToChatId = migrateToChatId;
        this.unreadableBody = unreadableBody;
    }

    /** The Bot API method that failed. */
    public String method() {
        return method;
    }

    /** Telegram's {@code error_code} (which Telegram says may change), or the HTTP status. */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's human-readable {@code description}. */
    public String description() {
        return description;
    }

    /** How long Telegram asked to wait (429), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The supergroup a group became (400), if Telegram said. */
    public OptionalLong migrateToChatId() {
        return migrateToChatId == null ? OptionalLong.empty() : OptionalLong.of(migrateToChatId);
    }

    /** Whether the answer was not the API's JSON (an HTML error page from a gateway). */
    public boolean unreadableBody() {
        return unreadableBody;
    }

    /** 429: flood control. */
    public boolean isTooManyRequests() {
        return errorCode == 429;
    }

    /** A 5xx: Telegram's side failed; worth trying again later. */
    public boolean isServerError() {
        return errorCode >= 500 && errorCode <= 599;
    }

    /** Whether the description starts with {@code prefix}, ignoring case (the second way to classify). */
    public boolean describedAs(String prefix) {
        return description.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Whether the description contains {@code fragment}, ignoring case. */
    public boolean mentions(String fragment) {
        return description.toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT));
    }
}
