package dev.forgebot.domain.text;

/**
 * Cheap screens run before expensive patterns: a pattern that can only match text holding one of
 * a few words need not run on text that holds none of them. Stateless and thread-safe.
 */
public final class Keywords {

    private Keywords() {
    }

    /** Whether {@code lower} (already lower-cased) contains one of {@code words} anywhere, as substrings. */
    public static boolean containsAny(String lower, String... words) {
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
