package io.newsstream.clean;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * ISO 639-1 language of a cleaned text, built once per cleaner and thread-safe. It reads a
 * sample of at most {@link #SAMPLE_CHARS} chars: the article's first prose sentences (so a
 * table of figures or a dateline does not decide), or its opening when it has too few.
 * Texts with fewer than {@link #MIN_LETTERS} letters give null.
 *
 * <p>Two stages. First a cheap profile of the sample. Its letters must be, for
 * {@link #MIN_SCRIPT_SHARE} or more, in one script, else lingua decides (Japanese mixes kanji and
 * kana). A script that only one language writes ({@code rules/script-languages.tsv}: Greek,
 * Hebrew, Devanagari, Hangul, kana) is that language. In a script with function words
 * ({@code rules/function-words.tsv}: Latin, Cyrillic, Arabic) each word a language lists counts
 * for it. When even the best language's words are fewer than {@link #MIN_RUNNING_TEXT_SHARE} of
 * the words (tables of figures, lists of names) the text has no running text to tell a language
 * by and gets null; lingua's guess on it is noise (on the Reuters earnings tables it answered
 * Swedish, Czech and Turkish). Otherwise a language with at least {@link #MIN_WORDS} words and
 * either {@link #MIN_HITS} hits and {@link #LEAD_FACTOR} times the hits of the runner-up, or
 * {@link #MIN_HITS_WIDE_LEAD} hits and {@link #WIDE_LEAD_FACTOR} times the runner-up's, is the
 * answer; a capital letter alone ("V", "A" in a table) is not a function word. A language that
 * reaches {@link #EARLY_HITS} hits with {@link #EARLY_LEAD_FACTOR} times anyone else's wins there
 * and then, without reading the rest of the sample. An unclear
 * sample that is {@link #MIN_TABLE_DIGIT_SHARE} figures is a table with a note and gets null too.
 * That settles
 * nearly all news prose in microseconds. Only what it cannot settle goes to lingua (restricted
 * to {@code rules/languages.txt}, low accuracy mode, preloaded models, null when the two best
 * are too close): Chinese, mixed scripts, very short samples, and text whose function words
 * point at two close languages (Danish and Norwegian).
 *
 * <p>Why not lingua alone: lingua 1.2.2 spends 0.2–1.7 ms a call (Russian, Arabic and Persian
 * included; 1.3–1.7 ms on the Reuters notes it gets) and spreads every call over the common fork-join pool, which caps the cleaner at a
 * few MB/s; the profile pass costs about as
 * much as reading the sample once. Language detection itself is lingua's (a maintained library);
 * the profile is a pre-filter that no library offers as such.
 */
final class LanguageGuesser {

    static final int SAMPLE_CHARS = 300;
    static final int MIN_LETTERS = 20;
    static final int MIN_WORDS = 6;
    static final int MIN_HITS = 3;
    /** Hits enough when the runner-up has at most half as many. */
    static final int MIN_HITS_WIDE_LEAD = 2;
    static final double WIDE_LEAD_FACTOR = 2.0;
    /** The best language needs this many times the runner-up's hits. */
    static final double LEAD_FACTOR = 1.5;
    /**
     * Below this share of function words for the best language there is no running text: prose
     * has 30–50 % (English, German), headlines 10–20 %, tables of figures almost none.
     */
    static final double MIN_RUNNING_TEXT_SHARE = 0.08;
    /**
     * An unclear sample with at least this share of digits among its visible chars is a table
     * (earnings, prices) rather than prose: it gets null, not lingua's guess. Prose has 0–5 %.
     */
    static final double MIN_TABLE_DIGIT_SHARE = 0.2;
    /** Hits that settle a language before the sample's end, with {@link #EARLY_LEAD_FACTOR} times the runner-up's. */
    static final int EARLY_HITS = 8;
    static final double EARLY_LEAD_FACTOR = 3.0;
    /** Sentences shorter than this in total do not make a sample; the opening is used instead. */
    private static final int MIN_SENTENCE_SAMPLE = 100;
    /** Longest function word worth looking up ("mukaan", "olarak"). */
    private static final int MAX_FUNCTION_WORD = 8;

    /** Profile languages, in file order; a word's value is the bit set of the languages listing it. */
    private final String[] codes;
    private final WordTable functionWords;
    /** The scripts the function words are written in (Latin, Cyrillic, Arabic). */
    private final Set<Character.UnicodeScript> profiledScripts = EnumSet.noneOf(Character.UnicodeScript.class);
    /** Scripts that only one configured language writes ({@code rules/script-languages.tsv}). */
    private final Map<Character.UnicodeScript, String> scriptLanguages = new EnumMap<>(Character.UnicodeScript.class);
    private final LanguageDetector detector;
    private final LongAdder libraryCalls = new LongAdder();
    private final LongAdder libraryNanos = new LongAdder();
    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();
    /** The script the verdict reads by must hold this share of the sample's letters. */
    static final double MIN_SCRIPT_SHARE = 0.9;

    /** The profile's verdict on a sample: a language, "no running text", or "ask lingua". */
    record Verdict(String language, boolean noRunningText) {
        static final Verdict UNDECIDED = new Verdict(null, false);
        static final Verdict NO_TEXT = new Verdict(null, true);
    }

    LanguageGuesser() {
        Language[] languages = RuleResources.lines("languages.txt").stream()
                .map(l -> Language.valueOf(l.strip().toUpperCase(Locale.ROOT)))
                .toArray(Language[]::new);
        Set<String> known = new LinkedHashSet<>();
        for (Language l : languages) {
            known.add(isoCode(l));
        }
        List<String> codeList = new ArrayList<>();
        Map<String, Long> wordLanguages = new HashMap<>();
        for (String[] row : RuleResources.rows("function-words.tsv", 2)) {
            String code = row[0].strip();
            if (!known.contains(code)) {
                throw new IllegalStateException("rules/function-words.tsv: language " + code
                        + " is not listed in rules/languages.txt");
            }
            if (codeList.size() == Long.SIZE) {
                throw new IllegalStateException("rules/function-words.tsv: more than 64 languages");
            }
            long bit = 1L << codeList.size();
            codeList.add(code);
            for (String word : row[1].strip().split(" +")) {
                wordLanguages.merge(word.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
            }
        }
        this.codes = codeList.toArray(String[]::new);
        this.functionWords = new WordTable(wordLanguages);
        for (String word : wordLanguages.keySet()) {
            profiledScripts.add(scriptOf(word.codePointAt(0)));
        }
        for (String[] row : RuleResources.rows("script-languages.tsv", 2)) {
            String code = row[1].strip();
            if (!known.contains(code)) {
                throw new IllegalStateException("rules/script-languages.tsv: language " + code
                        + " is not listed in rules/languages.txt");
            }
            scriptLanguages.put(Character.UnicodeScript.valueOf(row[0].strip()), code);
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(languages)
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(0.05)
                .withPreloadedLanguageModels()
                .build();
    }

    /**
     * The language of a draft's kept text, sampled from its kept segments (sentence flags
     * already known); {@code keptText} is that text, read only when the sentences are too few.
     * The sample is copied once, into a char array that the ASCII profile reads as it is.
     */
    String detect(Draft draft, String keptText) {
        // Only the first SAMPLE_CHARS + 1 chars are copied: prefixEnd() reads no further.
        char[] sample = new char[SAMPLE_CHARS + 1];
        int length = 0; // of the sentences joined by spaces, each cut at SAMPLE_CHARS + 1 chars
        int copied = 0;
        boolean ascii = true;
        for (Segment s : draft.segments()) {
            if (s.kept() && s.isSentence()) {
                String text = s.text();
                if (length > 0) {
                    copied = put(sample, copied, ' ');
                    length++;
                }
                int take = Math.min(text.length(), SAMPLE_CHARS + 1);
                int fits = Math.min(take, sample.length - copied);
                text.getChars(0, fits, sample, copied);
                copied += fits;
                length += take;
                ascii &= s.shape().plain();
                if (length >= SAMPLE_CHARS) {
                    break;
                }
            }
        }
        if (length < MIN_SENTENCE_SAMPLE) {
            // Too little prose: the opening of the kept text, which is what a sample of keptText
            // would come to after finding the same few sentences again.
            ascii = true;
            for (Segment s : draft.segments()) {
                ascii &= !s.kept() || s.shape().plain();
            }
            copied = Math.min(keptText.length(), sample.length);
            keptText.getChars(0, copied, sample, 0);
        }
        return detectSample(sample, prefixEnd(CharBuffer.wrap(sample, 0, copied)), ascii);
    }

    private static int put(char[] sample, int at, char c) {
        if (at < sample.length) {
            sample[at++] = c;
        }
        return at;
    }

    /** The language of {@code chars[0, n)}; {@code ascii}: every char of it is known to be printable ASCII. */
    private String detectSample(char[] chars, int n, boolean ascii) {
        Verdict verdict = ascii ? profileAscii(chars, n) : profile(new String(chars, 0, n));
        if (verdict.language() != null || verdict.noRunningText()) {
            return verdict.language();
        }
        libraryCalls.increment();
        long start = System.nanoTime();
        Language language = detector.detectLanguageOf(new String(chars, 0, n));
        libraryNanos.add(System.nanoTime() - start);
        return language == Language.UNKNOWN ? null : isoCode(language);
    }

    /**
     * The function-word verdict on a sample: {@link Verdict#NO_TEXT} also for fewer than
     * {@link #MIN_LETTERS} letters; {@link Verdict#UNDECIDED} means "ask lingua". One scan; a
     * word is looked up in the table without being copied.
     */
    Verdict profile(CharSequence text) {
        String sample = text.toString(); // one concrete type for the per-char calls below
        Hits hits = new Hits(codes.length);
        int[] scripts = new int[SCRIPTS.length];
        int words = 0;
        int letters = 0;
        int n = sample.length();
        int i = 0;
        int digits = 0;
        int visible = 0;
        int asciiLetters = 0;
        while (i < n) {
            char c = sample.charAt(i);
            if (c < 0x80) {
                if (!isAsciiLetter(c)) {
                    digits += c >= '0' && c <= '9' ? 1 : 0;
                    visible += c > ' ' ? 1 : 0;
                    i++;
                    continue;
                }
            } else if (!Character.isLetter(sample.codePointAt(i))) {
                i += Character.charCount(sample.codePointAt(i));
                continue;
            }
            int start = i;
            while (i < n) {
                c = sample.charAt(i);
                if (c < 0x80) {
                    if (!isAsciiLetter(c)) {
                        break;
                    }
                    asciiLetters++; // kept in a local: an array slot would chain every letter through memory
                    i++;
                    continue;
                }
                int cp = sample.codePointAt(i);
                if (!Character.isLetter(cp)) {
                    break;
                }
                scripts[scriptOf(cp).ordinal()]++;
                i += Character.charCount(cp);
            }
            letters += i - start;
            visible += i - start;
            words++;
            // A capital letter alone is a label or a numeral ("V", "IV" in a table), not "v" or "a".
            boolean label = i - start == 1 && !Character.isLowerCase(sample.charAt(start));
            if (i - start <= MAX_FUNCTION_WORD && !label) {
                long bits = functionWords.get(sample, start, i);
                if (bits != 0) {
                    int script = scriptOf(sample.codePointAt(start)).ordinal();
                    int scriptLetters = scripts[script] + (script == LATIN ? asciiLetters : 0);
                    if (hits.add(bits, scriptLetters, letters, words)) {
                        return new Verdict(codes[hits.leader], false);
                    }
                }
            }
        }
        if (letters < MIN_LETTERS) {
            return Verdict.NO_TEXT;
        }
        scripts[LATIN] += asciiLetters;
        int main = 0;
        for (int k = 1; k < scripts.length; k++) {
            if (scripts[k] > scripts[main]) {
                main = k;
            }
        }
        if (scripts[main] < MIN_SCRIPT_SHARE * letters) {
            return Verdict.UNDECIDED; // mixed scripts (Japanese: kanji and kana): lingua
        }
        return byScript(SCRIPTS[main], hits.counts, words, digits, visible);
    }

    /**
     * {@link #profile} of {@code sample[0, n)}, known to be printable ASCII: the same verdict,
     * read from an array without decoding. News wire copy is nearly all ASCII, and the profile
     * runs on every article. Every letter is Latin, so no script is counted, and a word's hash
     * for the table is summed while the word is read ({@link WordTable#getAscii(char[], int, int, int)}).
     */
    Verdict profileAscii(char[] sample, int n) {
        Hits hits = new Hits(codes.length);
        int words = 0;
        int letters = 0;
        int digits = 0;
        int visible = 0;
        int i = 0;
        while (i < n) {
            int c = sample[i];
            if (!isAsciiLetter(c)) {
                digits += c >= '0' && c <= '9' ? 1 : 0;
                visible += c > ' ' ? 1 : 0;
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            do {
                hash = 31 * hash + (c | 0x20); // an ASCII letter's lower case
                i++;
            } while (i < n && isAsciiLetter(c = sample[i]));
            letters += i - start;
            visible += i - start;
            words++;
            boolean label = i - start == 1 && sample[start] <= 'Z'; // a capital letter alone, as in profile
            if (i - start <= MAX_FUNCTION_WORD && !label) {
                long bits = functionWords.getAscii(sample, start, i, hash);
                // Every letter so far is Latin, the script of the word.
                if (bits != 0 && hits.add(bits, letters, letters, words)) {
                    return new Verdict(codes[hits.leader], false);
                }
            }
        }
        if (letters < MIN_LETTERS) {
            return Verdict.NO_TEXT;
        }
        return byScript(Character.UnicodeScript.LATIN, hits.counts, words, digits, visible);
    }

    /**
     * Function-word hits per language, with the leader and the best count among the others kept
     * up to date as words come, so that the early verdict after each word needs no pass over the
     * languages.
     */
    static final class Hits {
        final int[] counts;
        /** A language with the most hits (the first to reach that count). */
        int leader;
        /** The most hits of any language but the leader. */
        int others;

        Hits(int languages) {
            counts = new int[languages];
        }

        /**
         * Adds a word's hits (the bits of its languages) and tells whether the leader has now won
         * before the sample's end: it was just hit, has {@link #EARLY_HITS} hits and
         * {@link #EARLY_LEAD_FACTOR} times anyone else's, in running text, and the word's script
         * holds {@link #MIN_SCRIPT_SHARE} of the letters so far. Prose settles in its first
         * hundred or so chars; the rest of the sample would only confirm it. No language but the
         * leader can win: it would need three times the leader's hits.
         */
        boolean add(long bits, int scriptLetters, int letters, int words) {
            for (long b = bits; b != 0; b &= b - 1) {
                int l = Long.numberOfTrailingZeros(b);
                int count = ++counts[l];
                if (l != leader) {
                    if (count > counts[leader]) {
                        others = counts[leader];
                        leader = l;
                    } else {
                        others = Math.max(others, count);
                    }
                }
            }
            int best = counts[leader];
            return (bits >>> leader & 1) != 0 && scriptLetters >= MIN_SCRIPT_SHARE * letters
                    && best >= EARLY_HITS && best >= MIN_RUNNING_TEXT_SHARE * words && best >= EARLY_LEAD_FACTOR * others;
        }
    }

    /** The verdict at the end of a sample whose letters are nearly all in one script. */
    private Verdict byScript(Character.UnicodeScript script, int[] hits, int words, int digits, int visible) {
        String only = scriptLanguages.get(script);
        if (only != null) {
            return new Verdict(only, false);
        }
        if (!profiledScripts.contains(script)) {
            return Verdict.UNDECIDED; // no function words in this script (Chinese): lingua
        }
        int best = 0;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        if (hits[best] < Math.max(1, MIN_RUNNING_TEXT_SHARE * words)) {
            return Verdict.NO_TEXT;
        }
        int runnerUp = 0;
        for (int l = 0; l < hits.length; l++) {
            if (l != best) {
                runnerUp = Math.max(runnerUp, hits[l]);
            }
        }
        // Two hits decide with twice the runner-up's: "for" and "in" against German's "in".
        boolean clear = words >= MIN_WORDS && (hits[best] >= MIN_HITS && hits[best] >= LEAD_FACTOR * runnerUp
                || hits[best] >= MIN_HITS_WIDE_LEAD && hits[best] >= WIDE_LEAD_FACTOR * runnerUp);
        if (clear) {
            return new Verdict(codes[best], false);
        }
        // Unclear, and mostly figures: a table with a note under it, not prose to guess from.
        return digits >= MIN_TABLE_DIGIT_SHARE * visible ? Verdict.NO_TEXT : Verdict.UNDECIDED;
    }

    /**
     * The script of a letter; the blocks news text mostly uses are recognised by range, since
     * {@link Character.UnicodeScript#of} searches a table of some two thousand ranges.
     */
    private static Character.UnicodeScript scriptOf(int cp) {
        if (cp < 0x250) {
            return Character.UnicodeScript.LATIN; // every letter below U+0250 is Latin
        }
        if (cp >= 0x400 && cp < 0x500) {
            return Character.UnicodeScript.CYRILLIC;
        }
        if (cp >= 0x620 && cp < 0x6D4) {
            return Character.UnicodeScript.ARABIC; // the Arabic block's letters
        }
        return Character.UnicodeScript.of(cp);
    }

    private static boolean isAsciiLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /**
     * Where a sample of the text ends: after its first {@link #SAMPLE_CHARS} chars, cut back to
     * a word boundary (the whole text when it is no longer). Reads at most the first
     * {@code SAMPLE_CHARS + 1} chars.
     */
    static int prefixEnd(CharSequence text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text.length();
        }
        int end = SAMPLE_CHARS;
        while (end > SAMPLE_CHARS / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** How many samples went to lingua so far. */
    long libraryCalls() {
        return libraryCalls.sum();
    }

    /** Wall-clock nanoseconds spent in those calls so far. */
    long libraryNanos() {
        return libraryNanos.sum();
    }

    private static String isoCode(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
