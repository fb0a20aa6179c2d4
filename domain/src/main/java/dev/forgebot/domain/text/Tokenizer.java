package dev.forgebot.domain.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into normalised search terms: letters and digits of any script form words, everything
 * else separates them; English stop words are dropped and English inflections reduced by
 * {@link Stemmer}. Words of other scripts (Hebrew, Arabic, Cyrillic, CJK runs) are kept whole.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /** Words too common to tell one question or article from another. */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
            "does", "doing", "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers",
            "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it", "its", "it's", "just", "me",
            "my", "myself", "of", "on", "or", "our", "ours", "please", "she", "should", "so", "some",
            "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
            "to", "too", "us", "very", "was", "we", "were", "what", "when", "where", "which", "who",
            "whom", "why", "will", "with", "would", "you", "your", "yours", "hi", "hello", "hey",
            "thanks", "thank", "pls", "im", "u", "ur", "get", "got", "also", "about", "any", "there's",
            "way", "know", "want", "need", "tell", "like", "possible", "there're",
            // Conversational filler seen in customer questions: it says nothing about the topic.
            "plz", "thx", "ok", "okay", "whats", "what's", "hows", "isnt", "arent", "wont", "didnt",
            "doesnt", "anyone", "someone", "something", "thing", "things", "else", "really",
            "actually", "currently", "still", "now", "same", "other", "one", "we're",
            "we've", "i've", "i'd", "let", "guys", "wondering", "quick", "question", "much", "many");

    /** Longest term kept; longer runs (hashes, pasted blobs) are cut to this many characters. */
    public static final int MAX_TERM_LENGTH = 40;

    private Tokenizer() {
    }

    /**
     * Returns the terms of {@code text} in order, duplicates included.
     *
     * @param text any text; it is normalised first with {@link TextNormalizer}
     * @return the terms, possibly empty
     */
    public static List<String> terms(String text) {
        String normalized = TextNormalizer.normalize(text);
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || isJoiner(cp, normalized, i, word)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, terms);
            }
        }
        flush(word, terms);
        return terms;
    }

    /** An apostrophe inside a word ("don't") stays part of it. */
    private static boolean isJoiner(int cp, String text, int next, StringBuilder word) {
        return (cp == '\'' || cp == '\u2019') && word.length() > 0 && next < text.length()
                && Character.isLetter(text.codePointAt(next));
    }

    private static void flush(StringBuilder word, List<String> terms) {
        if (word.isEmpty()) {
            return;
        }
        String raw = word.toString().replace('\u2019', '\'');
        word.setLength(0);
        if (STOP_WORDS.contains(raw)) {
            return;
        }
        String stem = Stemmer.stem(stripPossessive(raw));
        if (stem.isEmpty() || STOP_WORDS.contains(stem) || isSingleAsciiCharacter(stem)) {
            return;
        }
        terms.add(stem.length() > MAX_TERM_LENGTH ? stem.substring(0, MAX_TERM_LENGTH) : stem);
    }

    /** A lone Latin letter or digit ("2" in "2+2", "a" in "plan a") matches too much to help. */
    private static boolean isSingleAsciiCharacter(String term) {
        return term.length() == 1 && term.charAt(0) < 128;
    }

    private static String stripPossessive(String word) {
        return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word.replace("'", "");
    }
}
