package dev.forgebot.application.contract;

/** Texts that stores tend to mangle: mixed scripts, emoji, right-to-left runs, long texts. */
public final class SampleTexts {

    /**
     * Cyrillic, emoji (surrogate pairs, a ZWJ sequence, a flag), Hebrew and Arabic (right to left), CJK,
     * a combining accent, quotes, a backslash, a tab and a newline.
     */
    public static final String UNICODE = "Привет 👋 — שלום עולם، مرحبا بك 你好 Cafe\u0301 👩‍💻🇺🇦 \"quoted\" 'single' \\ back\tslash\nnext line";

    private SampleTexts() {
    }

    /** A text of exactly {@code length} characters, mixed ASCII and Cyrillic, with line breaks, no surrogates. */
    public static String ofLength(int length) {
        String unit = "Line of text, строка текста. ";
        StringBuilder text = new StringBuilder(length);
        int i = 0;
        while (text.length() < length) {
            text.append(i % 20 == 19 ? '\n' : unit.charAt(i % unit.length()));
            i++;
        }
        return text.toString();
    }
}
