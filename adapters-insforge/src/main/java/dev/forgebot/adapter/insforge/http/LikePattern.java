package dev.forgebot.adapter.insforge.http;

import java.util.Objects;

/**
 * A {@code like}/{@code ilike} pattern built by code around customer text. The text has {@code \},
 * {@code *}, {@code %} and {@code _} backslash-escaped, so it can never act as a wildcard; the only
 * wildcards are the {@code *} this class adds (PostgREST turns {@code *} into {@code %}). Note that
 * PostgREST rewrites every {@code *}, so an escaped customer {@code *} reaches Postgres as the literal
 * {@code \%} and matches a {@code %} character: over-strict, never a wildcard. Immutable.
 */
public final class LikePattern {

    private final String encoded;

    private LikePattern(String encoded) {
        this.encoded = encoded;
    }

    /** Text that starts with {@code text}. */
    public static LikePattern startsWith(String text) {
        return new LikePattern(escape(text) + "*");
    }

    /** Text that ends with {@code text}. */
    public static LikePattern endsWith(String text) {
        return new LikePattern("*" + escape(text));
    }

    /** Text that contains {@code text}. */
    public static LikePattern contains(String text) {
        return new LikePattern("*" + escape(text) + "*");
    }

    /** Text equal to {@code text} (useful with ilike for a case-insensitive match). */
    public static LikePattern exactly(String text) {
        return new LikePattern(escape(text));
    }

    static String escape(String text) {
        Objects.requireNonNull(text, "text");
        QueryEncoding.refuseNul(text);
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '%' || c == '_') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    String encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return "LikePattern[" + encoded.length() + " chars]";
    }
}
