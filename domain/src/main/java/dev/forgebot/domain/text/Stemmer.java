package dev.forgebot.domain.text;

/**
 * A light English stemmer: folds plurals, past tenses, gerunds and a few common derivations onto
 * one stem ("refunds", "refunded", "refunding" → "refund"; "cancellation" → "cancel"). It is
 * deliberately conservative: words of other scripts, short words and numbers pass unchanged,
 * since a wrong merge costs more in search than a missed one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Stemmer {

    private static final String[][] SUFFIXES = {
        // suffix, replacement; the first match wins, longest suffixes first.
        {"ational", "ate"}, {"ization", "ize"}, {"lations", "l"}, {"llation", "l"}, {"lation", "l"},
        {"ations", "ate"}, {"ation", "ate"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
        {"ements", "ement"}, {"ments", "ment"}, {"ities", "ity"}, {"ically", "ic"}, {"ingly", ""},
        {"ssing", "ss"}, {"nning", "n"}, {"pping", "p"}, {"tting", "t"}, {"lling", "l"},
        {"ying", "y"}, {"ing", ""}, {"ssed", "ss"}, {"nned", "n"}, {"pped", "p"}, {"tted", "t"},
        {"lled", "l"}, {"ied", "y"}, {"eed", "ee"}, {"ed", ""}, {"ies", "y"}, {"sses", "ss"},
        {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"}, {"ss", "ss"}, {"us", "us"}, {"is", "is"},
        {"s", ""}, {"ly", ""},
    };

    private Stemmer() {
    }

    /**
     * Returns the stem of one lower-case word.
     *
     * @param word a lower-case word with no spaces
     * @return its stem; the word itself when no rule applies
     */
    public static String stem(String word) {
        if (word.length() <= 3 || !isAsciiLetters(word)) {
            return word;
        }
        for (String[] rule : SUFFIXES) {
            String suffix = rule[0];
            if (word.endsWith(suffix)) {
                String base = word.substring(0, word.length() - suffix.length()) + rule[1];
                return base.length() >= 3 && hasVowel(base) ? trimSilentE(base) : word;
            }
        }
        return trimSilentE(word);
    }

    /** "invoice"/"invoic(ing)" and "price"/"pric(ing)" meet on the form without a final e. */
    private static String trimSilentE(String word) {
        return word.length() > 4 && word.endsWith("e") && !word.endsWith("ee") ? word.substring(0, word.length() - 1) : word;
    }

    private static boolean isAsciiLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVowel(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("aeiouy".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
