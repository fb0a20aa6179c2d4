package dev.forgebot.adapter.telegram;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text that is too long for one Telegram message into parts of at most {@code limit} UTF-16
 * units each ({@link String#length()}), counting markup too, which is conservative: Telegram counts
 * after parsing.
 *
 * <p>Where to cut, best first, searched in the second half of the room a part has (so no part is
 * needlessly short): after a blank line (paragraph), after a line break, after white space; else a
 * hard cut at the last grapheme boundary that fits (an emoji sequence stays whole), and at worst at
 * the last code point boundary. A surrogate pair is never cut. White space at a cut is dropped.
 *
 * <p>HTML is cut only between tags, entities and characters, never inside one; the tags open at a cut
 * are closed at the end of the part and reopened, as written (with their attributes), at the start of
 * the next, so every part is well-formed on its own. A part with nothing visible is left out.
 *
 * <p>Stateless and thread-safe.
 */
final class MessageSplitter {

    /** Telegram's longest message text. */
    static final int TELEGRAM_LIMIT = 4096;

    /** Below this a part could not hold a tag and some text; nobody needs it smaller. */
    static final int MIN_LIMIT = 16;

    private static final byte TEXT = 0;
    private static final byte ENTITY = 1;
    private static final byte OPEN = 2;
    private static final byte CLOSE = 3;
    private static final byte OTHER_TAG = 4;

    private MessageSplitter() {
    }

    /**
     * The parts of {@code text}, in order; the text itself when it fits.
     *
     * @param html whether {@code text} is Telegram HTML
     * @throws IllegalArgumentException if the markup cannot be split under {@code limit} (a tag, or the
     *                                  tags open at a cut, longer than a part)
     */
    static List<String> split(String text, boolean html, int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("a part limit below " + MIN_LIMIT + " makes no sense, was " + limit);
        }
        if (text.length() <= limit) {
            return List.of(text);
        }
        return new Run(text, html ? Tokens.html(text) : Tokens.plain(text), html, limit).parts();
    }

    /** One split: walks the tokens once, part by part. */
    private static final class Run {

        private final String text;
        private final Tokens tokens;
        private final boolean html;
        private final int limit;
        private BreakIterator graphemes;

        Run(String text, Tokens tokens, boolean html, int limit) {
            this.text = text;
            this.tokens = tokens;
            this.html = html;
            this.limit = limit;
        }

        List<String> parts() {
            List<String> parts = new ArrayList<>();
            int n = tokens.size();
            int from = 0;
            TagStack open = new TagStack();
            while (from < n) {
                String reopen = open.render(text, tokens);
                int room = limit - reopen.length();
                int cut = chooseCut(from, open.copy(), room);
                if (cut <= from) {
                    throw new IllegalArgumentException("the markup cannot be split into parts of " + limit
                            + " characters: a tag, or the tags open at a cut, take up the whole part");
                }
                cut = takeClosingTags(cut, open.copyAdvancedTo(tokens, from, cut));
                TagStack atCut = open.copyAdvancedTo(tokens, from, cut);
                String content = cut == n ? text.substring(tokens.start(from)) : withoutTrailingSpace(from, cut);
                String part = reopen + content + (cut == n ? "" : atCut.renderClosing(tokens));
                if (!(html ? TelegramHtml.toPlainText(part) : part).isBlank()) {
                    parts.add(part);
                }
                open = atCut;
                from = cut;
                while (from < n && tokens.isSpace(from)) {
                    from++;
                }
            }
            return parts;
        }

        /**
         * The token index to cut before: the best boundary whose part (content plus the closing tags
         * open there) fits in {@code room}; {@code from} itself when not even one token fits.
         */
        private int chooseCut(int from, TagStack stack, int room) {
            int n = tokens.size();
            int half = room / 2;
            int paragraph = -1;
            int line = -1;
            int word = -1;
            int[] fitting = new int[Math.max(16, Math.min(room, n - from) + 1)];
            int fits = 0;
            int length = 0;
            int b = from;
            while (b < n) {
                int tokenLength = tokens.length(b);
                if (length + tokenLength > room) {
                    break;
                }
                stack.apply(tokens, b);
                length += tokenLength;
                b++;
                if (length + stack.closingLength() > room) {
                    continue;
                }
                if (fits == fitting.length) {
                    fitting = Arrays.copyOf(fitting, fits * 2);
                }
                fitting[fits++] = b;
                if (b == n) {
                    return n;
                }
                if (length >= half && tokens.isSpace(b - 1)) {
                    word = b;
                    if (tokens.isNewline(b - 1)) {
                        line = b;
                        if (b - 2 >= from && tokens.isNewline(b - 2)) {
                            paragraph = b;
                        }
                    }
                }
            }
            if (paragraph > 0) {
                return paragraph;
            }
            if (line > 0) {
                return line;
            }
            if (word > 0) {
                return word;
            }
            for (int i = fits - 1; i >= 0; i--) {
                if (isGraphemeBoundary(fitting[i])) {
                    return fitting[i];
                }
            }
            return fits > 0 ? fitting[fits - 1] : from;
        }

        /**
         * Moves a cut past the closing tags right after it that close what is open there, so the next
         * part does not start with an empty element. The part keeps its length: each such tag was
         * counted among the closing tags already (only taken when written as short as they render).
         */
        private int takeClosingTags(int cut, TagStack atCut) {
            while (cut < tokens.size() && tokens.kind(cut) == CLOSE && atCut.closesTop(tokens, cut)
                    && tokens.length(cut) == tokens.name(cut).length() + 3) {
                atCut.apply(tokens, cut);
                cut++;
            }
            return cut;
        }

        /** The raw text of tokens {@code [from, cut)}, without the white space before the cut (closing tags kept). */
        private String withoutTrailingSpace(int from, int cut) {
            int keep = cut;
            while (keep > from && (tokens.isSpace(keep - 1) || tokens.kind(keep - 1) == CLOSE)) {
                keep--;
            }
            StringBuilder content = new StringBuilder(tokens.start(cut) - tokens.start(from));
            content.append(text, tokens.start(from), tokens.start(keep));
            for (int i = keep; i < cut; i++) {
                if (tokens.kind(i) == CLOSE) {
                    content.append(text, tokens.start(i), tokens.start(i + 1));
                }
            }
            return content.toString();
        }

        private boolean isGraphemeBoundary(int b) {
            if (b >= tokens.size() || tokens.kind(b) != TEXT || tokens.kind(b - 1) != TEXT) {
                return true;
            }
            if (graphemes == null) {
                graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
                graphemes.setText(text);
            }
            return graphemes.isBoundary(tokens.start(b));
        }
    }

    /** The text as tokens: characters (code points), entities and tags, each cut around but never through. */
    private static final class Tokens {

        private final String text;
        private int[] starts;
        private byte[] kinds;
        private String[] names;
        private int size;

        private Tokens(String text, int capacity) {
            this.text = text;
            this.starts = new int[capacity + 1];
            this.kinds = new byte[capacity];
        }

        static Tokens plain(String text) {
            Tokens tokens = new Tokens(text, text.length());
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                tokens.add(i, TEXT, null);
            }
            return tokens.finish();
        }

        static Tokens html(String text) {
            Tokens tokens = new Tokens(text, text.length());
            tokens.names = new String[text.length()];
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '<') {
                    int end = TelegramHtml.tagEnd(text, i);
                    if (end > 0) {
                        boolean closing = text.charAt(i + 1) == '/';
                        int nameStart = i + (closing ? 2 : 1);
                        int nameEnd = nameStart;
                        while (nameEnd < end && isNameChar(text.charAt(nameEnd))) {
                            nameEnd++;
                        }
                        String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                        byte kind = closing ? CLOSE : text.charAt(end - 2) == '/' ? OTHER_TAG : OPEN;
                        tokens.add(i, kind, name);
                        i = end;
                        continue;
                    }
                } else if (c == '&') {
                    int end = TelegramHtml.entityEnd(text, i);
                    if (end > 0) {
                        tokens.add(i, ENTITY, null);
                        i = end;
                        continue;
                    }
                }
                tokens.add(i, TEXT, null);
                i += Character.charCount(text.codePointAt(i));
            }
            return tokens.finish();
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_';
        }

        private void add(int start, byte kind, String name) {
            starts[size] = start;
            kinds[size] = kind;
            if (name != null) {
                names[size] = name;
            }
            size++;
        }

        private Tokens finish() {
            starts[size] = text.length();
            return this;
        }

        int size() {
            return size;
        }

        int start(int token) {
            return starts[token];
        }

        int length(int token) {
            return starts[token + 1] - starts[token];
        }

        byte kind(int token) {
            return kinds[token];
        }

        String name(int token) {
            return names[token];
        }

        boolean isSpace(int token) {
            return kinds[token] == TEXT && Character.isWhitespace(text.codePointAt(starts[token]));
        }

        boolean isNewline(int token) {
            return kinds[token] == TEXT && text.charAt(starts[token]) == '\n';
        }
    }

    /** The open tags at a point, as token indices, innermost last, with the length of their closing tags. */
    private static final class TagStack {

        private int[] open = new int[8];
        private int depth;
        private int closingLength;

        TagStack copy() {
            TagStack copy = new TagStack();
            copy.open = Arrays.copyOf(open, Math.max(8, depth));
            copy.depth = depth;
            copy.closingLength = closingLength;
            return copy;
        }

        TagStack copyAdvancedTo(Tokens tokens, int from, int to) {
            TagStack copy = copy();
            for (int i = from; i < to; i++) {
                copy.apply(tokens, i);
            }
            return copy;
        }

        void apply(Tokens tokens, int token) {
            byte kind = tokens.kind(token);
            if (kind == OPEN) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = token;
                closingLength += tokens.name(token).length() + 3;
            } else if (kind == CLOSE) {
                String name = tokens.name(token);
                for (int i = depth - 1; i >= 0; i--) {
                    if (tokens.name(open[i]).equals(name)) {
                        // A close tag closes its element and whatever was left open inside it.
                        while (depth > i) {
                            closingLength -= tokens.name(open[--depth]).length() + 3;
                        }
                        return;
                    }
                }
            }
        }

        boolean closesTop(Tokens tokens, int token) {
            return depth > 0 && tokens.name(open[depth - 1]).equals(tokens.name(token));
        }

        int closingLength() {
            return closingLength;
        }

        String render(String text, Tokens tokens) {
            StringBuilder tags = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                tags.append(text, tokens.start(open[i]), tokens.start(open[i] + 1));
            }
            return tags.toString();
        }

        String renderClosing(Tokens tokens) {
            StringBuilder tags = new StringBuilder(closingLength);
            for (int i = depth - 1; i >= 0; i--) {
                tags.append("</").append(tokens.name(open[i])).append('>');
            }
            return tags.toString();
        }
    }
}
