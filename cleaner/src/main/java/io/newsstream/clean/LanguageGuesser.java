package io.newsstream.clean;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * ISO 639-1 language of a cleaned text, built once per cleaner and thread-safe. Only the first
 * {@link #PREFIX_CHARS} chars are read, which keeps the cost independent of article length.
 * Texts with fewer than {@link #MIN_LETTERS} letters give null.
 *
 * <p>Plain English, most of what a news wire carries, is recognised by a cheap pre-check
 * ({@link #looksPlainEnglish}): letters nearly all ASCII, English function words frequent, and
 * at least {@link #MIN_DISTINCT_MARKERS} of the words no other listed language writes (the, and,
 * that, with...). Everything else goes to lingua, restricted to the news languages of
 * {@code rules/languages.txt}, in low-accuracy mode (trigrams only) with preloaded models; where
 * the two best languages are too close it gives null. The pre-check matters because lingua 1.2.2
 * spends 0.3–1 ms a call and spreads every call over the common fork-join pool, which on a busy
 * machine costs a stream thread far more than the detection itself.
 */
final class LanguageGuesser {

    static final int PREFIX_CHARS = 300;
    static final int MIN_LETTERS = 20;
    static final int MIN_DISTINCT_MARKERS = 2;
    private static final double MIN_RELATIVE_DISTANCE = 0.05;
    /** At most one non-ASCII letter per this many ASCII ones (names such as Erdoğan stay English). */
    private static final int ASCII_LETTERS_PER_FOREIGN = 50;
    /** Share of words that must be common English function words; English prose has 35–50 %. */
    private static final double MIN_FUNCTION_WORD_SHARE = 0.2;
    private static final int MIN_WORDS = 8;

    /** Words none of the other listed languages writes as a common word; "the" is required. */
    private static final Set<String> ENGLISH_MARKERS = Set.of("the", "and", "that", "with", "said", "which", "would",
            "been", "from", "were", "this", "their", "have", "has", "will", "its", "they", "who");
    /** Common function words, some shared with other languages; only their share is used. */
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "to", "in", "a", "is", "for", "on", "was", "by", "as",
            "at", "it", "be", "are", "an", "not", "but", "he", "his", "we", "or", "had", "after", "over");

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
        if (looksPlainEnglish(sample)) {
            return "en";
        }
        Language language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when {@code sample} is English beyond doubt: (almost) only ASCII letters, at least
     * {@link #MIN_WORDS} words of which a fifth or more are English function words, including
     * "the" and {@link #MIN_DISTINCT_MARKERS} distinct English-only words. False means "ask lingua",
     * not "not English".
     */
    static boolean looksPlainEnglish(String sample) {
        int ascii = 0;
        int foreign = 0;
        int words = 0;
        int functionWords = 0;
        int markers = 0;
        boolean sawThe = false;
        Set<String> seenMarkers = null;
        int i = 0;
        final int n = sample.length();
        while (i < n) {
            char c = sample.charAt(i);
            if (isAsciiLetter(c)) {
                int start = i;
                while (i < n && isAsciiLetter(sample.charAt(i))) {
                    i++;
                }
                ascii += i - start;
                if (i < n && Character.isLetter(sample.charAt(i))) {
                    continue; // a word with a foreign letter in it: counted below, not as an English word
                }
                words++;
                if (i - start <= 6) {
                    String word = sample.substring(start, i).toLowerCase(Locale.ROOT);
                    if (ENGLISH_MARKERS.contains(word)) {
                        functionWords++;
                        sawThe |= word.equals("the");
                        if (seenMarkers == null) {
                            seenMarkers = new HashSet<>();
                        }
                        if (seenMarkers.add(word)) {
                            markers++;
                        }
                    } else if (FUNCTION_WORDS.contains(word)) {
                        functionWords++;
                    }
                }
            } else {
                if (Character.isLetter(c)) {
                    foreign++;
                }
                i++;
            }
        }
        return words >= MIN_WORDS && sawThe && markers >= MIN_DISTINCT_MARKERS
                && foreign * ASCII_LETTERS_PER_FOREIGN <= ascii
                && functionWords >= MIN_FUNCTION_WORD_SHARE * words;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
