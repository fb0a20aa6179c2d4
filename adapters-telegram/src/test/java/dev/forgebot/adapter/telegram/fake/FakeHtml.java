package dev.forgebot.adapter.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's {@code parse_mode=HTML}, as far as a test needs it: checks the markup the way the Bot API
 * does (only the supported tags, properly nested and closed) and returns the text a user would see,
 * tags stripped and entities decoded. Stricter than Telegram on one point on purpose: a bare {@code &}
 * that does not start an entity is refused (Telegram lets some through), so escaping bugs show up.
 * Error texts follow Telegram's ("Unsupported start tag \"x\" at byte offset N", ...).
 */
final class FakeHtml {

    /** The tags the Bot API accepts in HTML. */
    static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    /** The markup broke a rule; the message is what follows "can't parse entities: ". */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private FakeHtml() {
    }

    /** The visible text of {@code html}. */
    static String parse(String html) throws Invalid {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                i = entity(html, i, out);
            } else if (c == '<') {
                i = tag(html, i, open);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new Invalid("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return out.toString();
    }

    private static int entity(String html, int at, StringBuilder out) throws Invalid {
        int semi = html.indexOf(';', at);
        if (semi < 0 || semi - at > 12 || semi == at + 1) {
            throw new Invalid("Character '&' at byte offset " + byteOffset(html, at) + " does not begin an HTML entity");
        }
        String name = html.substring(at + 1, semi);
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            default -> {
                int codePoint = numeric(name);
                if (codePoint < 0) {
                    throw new Invalid("Unsupported HTML entity \"&" + name + ";\" at byte offset "
                            + byteOffset(html, at));
                }
                out.appendCodePoint(codePoint);
            }
        }
        return semi + 1;
    }

    private static int numeric(String name) {
        if (!name.startsWith("#") || name.length() < 2) {
            return -1;
        }
        try {
            int value = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(value) && value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int tag(String html, int at, Deque<String> open) throws Invalid {
        boolean end = at + 1 < html.length() && html.charAt(at + 1) == '/';
        int nameStart = at + (end ? 2 : 1);
        int i = nameStart;
        while (i < html.length() && isNameChar(html.charAt(i))) {
            i++;
        }
        String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new Invalid("Unexpected end of name token at byte offset " + byteOffset(html, at));
        }
        int close = closingBracket(html, i);
        if (close < 0) {
            throw new Invalid("Unclosed " + (end ? "end" : "start") + " tag at byte offset " + byteOffset(html, at));
        }
        if (end) {
            if (!html.substring(i, close).isBlank()) {
                throw new Invalid("Unexpected text in end tag at byte offset " + byteOffset(html, at));
            }
            if (open.isEmpty()) {
                throw new Invalid("Unexpected end tag at byte offset " + byteOffset(html, at));
            }
            if (!open.peek().equals(name)) {
                throw new Invalid("Unmatched end tag at byte offset " + byteOffset(html, at) + ", expected \"</"
                        + open.peek() + ">\", found \"</" + name + ">\"");
            }
            open.pop();
            return close + 1;
        }
        if (!TAGS.contains(name)) {
            throw new Invalid("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, at));
        }
        String attributes = html.substring(i, close);
        if (name.equals("span") && !attributes.replace(" ", "").contains("class=\"tg-spoiler\"")
                && !attributes.replace(" ", "").contains("class='tg-spoiler'")) {
            throw new Invalid("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(html, at));
        }
        open.push(name);
        return close + 1;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /** The {@code >} ending a tag whose name ended at {@code from}, skipping quoted attribute values. */
    private static int closingBracket(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static int byteOffset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
