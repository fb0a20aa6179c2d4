package dev.forgebot.adapter.insforge.http;

import java.util.Optional;

/**
 * A parsed error body. InsForge sends {@code {error, message, statusCode, nextActions}}, PostgREST
 * (passed through on records and RPC) sends {@code {code, details, hint, message}}; anything else
 * (HTML, plain text) is kept as a truncated raw text. Immutable.
 *
 * <p>{@code details}, {@code hint} and {@code rawText} may echo stored values, so they are never put
 * into exception messages or logs; read them here when you need them.
 *
 * @param shape       which shape the body had
 * @param code        InsForge {@code error} or PostgREST {@code code}, may be null
 * @param message     the server's message, may be null
 * @param details     PostgREST {@code details}, may be null
 * @param hint        PostgREST {@code hint}, may be null
 * @param nextActions InsForge {@code nextActions}, may be null
 * @param rawText     the body as text (first 2,000 characters) when it was not a known JSON shape, else null
 */
public record InsForgeError(Shape shape, String code, String message, String details, String hint,
                            String nextActions, String rawText) {

    /** The shape an error body had. */
    public enum Shape { INSFORGE, POSTGREST, OTHER_JSON, NON_JSON, EMPTY }

    /** The error code, if the body had one. */
    public Optional<String> codeIfAny() {
        return Optional.ofNullable(code);
    }

    /** Short, secret-free summary for exception messages: code and message only. */
    String summary() {
        return switch (shape) {
            case INSFORGE, POSTGREST, OTHER_JSON -> "code=" + code + " message=" + truncate(message, 300);
            case NON_JSON -> "non-JSON error body";
            case EMPTY -> "empty error body";
        };
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…";
    }
}
