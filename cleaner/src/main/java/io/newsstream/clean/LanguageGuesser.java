package io.newsstream.clean;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * ISO 639-1 language of a cleaned text with lingua, built once per cleaner and thread-safe.
 * Restricted to the news languages of {@code rules/languages.txt}, low-accuracy mode
 * (trigrams only: less memory, faster, fine on paragraphs) and reading only the first
 * {@link #PREFIX_CHARS} chars, which keeps detection cost independent of article length.
 * Texts with fewer than {@link #MIN_LETTERS} letters, or where the two best languages are too
 * close, give null.
 */
final class LanguageGuesser {

    static final int PREFIX_CHARS = 300;
    static final int MIN_LETTERS = 20;
    private static final double MIN_RELATIVE_DISTANCE = 0.05;

    private final LanguageDetector detector;

    LanguageGuesser() {
        Language[] languages = RuleResources.lines("languages.txt").stream()
                .map(l -> Language.valueOf(l.strip().toUpperCase(Locale.ROOT)))
                .toArray(Language[]::new);
        this.detector = LanguageDetectorBuilder.fromLanguages(languages)
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(MIN_RELATIVE_DISTANCE)
                .withPreloadedLanguageModels()
                .build();
    }

    String detect(String text) {
        String sample = prefix(text);
        if (Shapes.letterCount(sample) < MIN_LETTERS) {
            return null;
        }
        Language language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** The first PREFIX_CHARS chars, cut back to a word boundary. */
    static String prefix(String text) {
        if (text.length() <= PREFIX_CHARS) {
            return text;
        }
        int end = PREFIX_CHARS;
        while (end > PREFIX_CHARS / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
