package dev.forgebot.domain.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Canonical form of customer text for matching: Unicode NFKC, invisible format characters removed
 * (zero-width spaces and joiners, bidi marks, BOM), case folded without locale surprises, runs of
 * white space collapsed to one space and trimmed.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Returns the canonical form of {@code text}.
     *
     * @param text any text, possibly empty
     * @return the normalised text; empty when nothing visible remains
     * @throws NullPointerException if {@code text} is null
     */
    public static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Format characters (Unicode category Cf: zero-width space/joiners, bidi marks, BOM) and controls. */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(cp));
    }
}
