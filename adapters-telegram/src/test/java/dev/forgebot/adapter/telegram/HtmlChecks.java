package dev.forgebot.adapter.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Telegram HTML the way Telegram's parser refuses it, independently of the code under test:
 * every {@code <}, {@code >} and {@code &} belongs to a tag or an entity, tags nest and are all
 * closed, and no surrogate pair is broken.
 */
final class HtmlChecks {

    private static final Pattern TAG_OR_ENTITY = Pattern.compile(
            "<(/?)([a-z][a-z0-9-]*)(?:\\s+[a-z-]+=\"[^\"<>]*\")*\\s*>|&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-f]+);",
            Pattern.CASE_INSENSITIVE);

    private HtmlChecks() {
    }

    static boolean isWellFormed(String html) {
        if (!hasWholeSurrogatePairs(html)) {
            return false;
        }
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG_OR_ENTITY.matcher(html);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<' && c != '>' && c != '&') {
                i++;
                continue;
            }
            m.region(i, html.length());
            if (!m.lookingAt()) {
                return false;
            }
            if (m.group(2) != null) {
                String name = m.group(2).toLowerCase(Locale.ROOT);
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return false;
                }
            }
            i = m.end();
        }
        return open.isEmpty();
    }

    static boolean hasWholeSurrogatePairs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
