package io.newsstream.clean;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of up to 64 whole-segment regular expressions a segment could match, judged by its first
 * two chars alone, so that most segments never reach the regex engine.
 *
 * <p>A prefix can start a match when matching the prefix alone either succeeds or runs out of
 * input ({@link Matcher#hitEnd()}); when the engine rejects a prefix without reading past it, no
 * longer string with that prefix can match either. The tables are filled once by asking the
 * engine about every first char below U+0100 and every ASCII pair. (A third char was tried and
 * measured: it let through fewer short table lines of wire copy but did not make the cleaner
 * faster, and it tripled the tables' start-up time.) The JDK's regex API has no such query of
 * its own, and no library offers it.
 */
final class RegexStarts {

    private static final int FIRST_CHARS = 0x100;
    private static final int ASCII = 128;

    /** Bit k: regex k can start with this char. */
    private final long[] byFirst = new long[FIRST_CHARS];
    /** Bit k: regex k can start with this ASCII pair ({@code c0 * 128 + c1}). */
    private final long[] byPair = new long[ASCII * ASCII];
    private final long all;

    RegexStarts(List<Pattern> regexes) {
        if (regexes.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most 64 regexes, got " + regexes.size());
        }
        for (int k = 0; k < regexes.size(); k++) {
            Pattern regex = regexes.get(k);
            long bit = 1L << k;
            int firsts = 0;
            for (char c0 = 0; c0 < FIRST_CHARS; c0++) {
                if (canStart(regex, String.valueOf(c0))) {
                    byFirst[c0] |= bit;
                    firsts++;
                }
            }
            // A regex that any char can start (".{0,300}?\\(credit") is let through by every pair
            // too, without asking the engine 16,384 times: letting through is always safe.
            boolean anyStart = firsts == FIRST_CHARS;
            for (char c0 = 0; c0 < ASCII; c0++) {
                for (char c1 = 0; c1 < ASCII && (byFirst[c0] & bit) != 0; c1++) {
                    if (anyStart || canStart(regex, new String(new char[] {c0, c1}))) {
                        byPair[c0 * ASCII + c1] |= bit;
                    }
                }
            }
        }
        this.all = regexes.size() == Long.SIZE ? -1L : (1L << regexes.size()) - 1;
    }

    /** Bit k set: regex k may match the whole text (never wrongly clear). */
    long candidates(String text) {
        int n = text.length();
        if (n == 0) {
            return all;
        }
        char c0 = text.charAt(0);
        if (c0 >= FIRST_CHARS) {
            return all;
        }
        long rows = byFirst[c0];
        if (n < 2 || c0 >= ASCII || text.charAt(1) >= ASCII) {
            return rows;
        }
        return rows & byPair[c0 * ASCII + text.charAt(1)];
    }

    private static boolean canStart(Pattern regex, String prefix) {
        Matcher m = regex.matcher(prefix);
        return m.matches() || m.hitEnd();
    }
}
