package dev.forgebot.adapter.telegram;

import java.util.Objects;

/**
 * Telegram's HTML ({@code parse_mode=HTML}): escaping text for it and reading it back as plain text.
 * Telegram accepts only the named entities {@code &lt; &gt; &amp; &quot;} and numeric ones, and every
 * {@code <}, {@code >} and {@code &} that is not part of a tag or an entity must be escaped, inside
 * {@code <code>} and {@code <pre>} as well. Stateless and thread-safe.
 */
public final class TelegramHtml {

    /** The longest entity looked for, {@code &#x10FFFF;} and the named ones fit well within. */
    private static final int MAX_ENTITY_LENGTH = 32;

    private TelegramHtml() {
    }

    /**
     * Escapes text for Telegram HTML: {@code &} first (so nothing is escaped twice), then {@code <} and
     * {@code >}. Quotes are left alone; use {@link #escapeAttribute(String)} inside an attribute.
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Escapes an attribute value (such as an {@code href}): as {@link #escape(String)}, plus {@code "}. */
    public static String escapeAttribute(String value) {
        return escape(value, true);
    }

    private static String escape(String text, boolean quotes) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(quotes ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text a reader sees: tags removed, entities decoded ({@code &lt; &gt; &amp; &quot;} and numeric
     * ones; an unknown named entity stays as written). A {@code <} or {@code &} that starts no tag or
     * entity is kept as text, as a lenient reader would show it.
     */
    public static String toPlainText(String html) {
        Objects.requireNonNull(html, "html");
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                int end = entityEnd(html, i);
                if (end > 0) {
                    out.append(decodeEntity(html.substring(i, end)));
                    i = end;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Where the tag starting at {@code lt} ends (the index after its {@code >}), or -1 when no tag
     * starts there: a tag is {@code <name ...>} or {@code </name>}, and a {@code >} inside a quoted
     * attribute value does not end it.
     */
    static int tagEnd(String s, int lt) {
        int i = lt + 1;
        if (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        if (i >= s.length() || !isAsciiLetter(s.charAt(i))) {
            return -1;
        }
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where the entity starting at {@code amp} ends (the index after its {@code ;}), or -1 when no
     * entity starts there: {@code &name;}, {@code &#digits;} or {@code &#xhex;}.
     */
    static int entityEnd(String s, int amp) {
        int limit = Math.min(s.length(), amp + MAX_ENTITY_LENGTH);
        int i = amp + 1;
        if (i < limit && s.charAt(i) == '#') {
            i++;
            boolean hex = i < limit && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < limit && (hex ? Character.digit(s.charAt(i), 16) >= 0 : isAsciiDigit(s.charAt(i)))) {
                i++;
            }
            return i > digits && i < limit && s.charAt(i) == ';' ? i + 1 : -1;
        }
        int name = i;
        while (i < limit && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)))) {
            i++;
        }
        return i > name && i < limit && s.charAt(i) == ';' ? i + 1 : -1;
    }

    private static String decodeEntity(String entity) {
        String name = entity.substring(1, entity.length() - 1);
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            try {
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                if (Character.isValidCodePoint(codePoint)) {
                    return Character.toString(codePoint);
                }
            } catch (NumberFormatException tooLarge) {
                // falls through: shown as written
            }
        }
        return entity;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
