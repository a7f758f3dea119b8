package io.newsstream.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Newsletter, subscription and donation appeals ("... please support ... We appreciate your
 * support."). Each phrase of {@code rules/appeal-words.tsv} found in a segment adds its weight
 * once; words addressing the reader add a little (but never make an appeal without a phrase
 * of weight 2 or more), reporting verbs ("said", "told") subtract,
 * so an article reporting that a charity asked for donations stays. A segment scoring at
 * least {@link #MIDDLE_SCORE} is removed anywhere, {@link #EDGE_SCORE} at the edges
 * ({@link #SHORT_EDGE_SCORE} for a short line there that opens with an appeal phrase); short
 * non-sentence lines just above an appeal at the bottom (the organisation's name as a heading)
 * go with it (up to the first sentence above).
 */
final class AppealRule implements CleaningRule {

    static final String RULE = "appeal";
    static final int MIDDLE_SCORE = 5;
    static final int EDGE_SCORE = 3;
    /** "Donate now" under the article: one appeal word on a short line at the edge is enough. */
    static final int SHORT_EDGE_SCORE = 2;
    private static final int SHORT_LINE_WORDS = 6;
    private static final int MAX_CHARS = 2000;
    private static final int MAX_HEADING_WORDS = 10;

    private record Phrase(String text, int weight) {
    }

    private final List<Phrase> phrases = new ArrayList<>();
    /** Phrases by their first word, for a one-pass scan. */
    private final WordGroups byFirstWord;
    /**
     * The phrases of weight 2 or more, by their first word. Without one of them a segment scores
     * 0 at most and stays, so most segments are passed over after a walk that looks up fewer,
     * rarer words ("said", "you" and "our" alone are never looked up further).
     */
    private final List<Phrase> strongPhrases = new ArrayList<>();
    private final WordGroups strongByFirstWord;

    AppealRule() {
        List<String> firstWords = new ArrayList<>();
        for (String[] row : RuleResources.rows("appeal-words.tsv", 2)) {
            // Phrases are matched on segment keys, so they are keys too ("sign-up" reads "sign up").
            String key = Shapes.key(row[0]);
            if (phrases.stream().noneMatch(p -> p.text().equals(key))) {
                phrases.add(new Phrase(key, Integer.parseInt(row[1].strip())));
                firstWords.add(key.substring(0, wordEnd(key, 0)));
            }
        }
        byFirstWord = new WordGroups(firstWords);
        List<String> strongFirstWords = new ArrayList<>();
        for (Phrase p : phrases) {
            if (p.weight() >= 2) {
                strongPhrases.add(p);
                strongFirstWords.add(p.text().substring(0, wordEnd(p.text(), 0)));
            }
        }
        strongByFirstWord = new WordGroups(strongFirstWords);
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (!s.kept() || s.text().length() > MAX_CHARS || !hasStrongPhrase(s.key())) {
                continue;
            }
            int needed = !draft.atEdge(i) ? MIDDLE_SCORE
                    : isShortLine(s) && startsWithAppeal(s.key()) ? SHORT_EDGE_SCORE : EDGE_SCORE;
            if (score(s.key()) >= needed) {
                draft.remove(s, RULE);
                if (i >= draft.bodyEnd()) {
                    removeHeadingAbove(draft, i);
                }
            }
        }
    }

    /** "Donate now", "Subscribe to ...": the line opens with an appeal phrase, not with "A newsletter which ...". */
    private boolean startsWithAppeal(String key) {
        for (int idx : byFirstWord.rowsLowerCase(key, 0, wordEnd(key, 0))) {
            Phrase p = phrases.get(idx);
            if (p.weight() >= 2 && isPhraseAt(key, 0, p.text())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase of weight 2 or more occurs in the key as whole words: a segment without one is no appeal. */
    private boolean hasStrongPhrase(String key) {
        for (int i = 0, n = key.length(); i < n; ) {
            int end = wordEnd(key, i);
            for (int idx : strongByFirstWord.rowsLowerCase(key, i, end)) {
                if (isPhraseAt(key, i, strongPhrases.get(idx).text())) {
                    return true;
                }
            }
            i = end + 1;
        }
        return false;
    }

    private static boolean isShortLine(Segment s) {
        return !Shapes.endsWithTerminal(s.text()) && s.shape().words() <= SHORT_LINE_WORDS;
    }

    /**
     * Sum of the weights of the phrases found as whole words in a segment key ({@link Shapes#key}),
     * each phrase once. The key's words are separated by single spaces, so the scan jumps from
     * space to space and looks each word up once.
     */
    int score(String key) {
        boolean[] found = null;
        int score = 0;
        boolean strong = false;
        int n = key.length();
        for (int i = 0; i < n; ) {
            int end = wordEnd(key, i);
            for (int idx : byFirstWord.rowsLowerCase(key, i, end)) {
                Phrase p = phrases.get(idx);
                if ((found == null || !found[idx]) && isPhraseAt(key, i, p.text())) {
                    if (found == null) {
                        found = new boolean[phrases.size()];
                    }
                    found[idx] = true;
                    score += p.weight();
                    strong |= p.weight() >= 2;
                }
            }
            i = end + 1;
        }
        // Addressing the reader is not an appeal by itself: a quote can say "you" and "our".
        return strong ? score : Math.min(score, 0);
    }

    /** The end of the key word starting at {@code from}: the next space, or the end of the key. */
    private static int wordEnd(String key, int from) {
        int space = key.indexOf(' ', from);
        return space < 0 ? key.length() : space;
    }

    /** The phrase at {@code at} in the key, ending at a word boundary. */
    private static boolean isPhraseAt(String key, int at, String phrase) {
        int end = at + phrase.length();
        return key.startsWith(phrase, at) && (end == key.length() || key.charAt(end) == ' ');
    }

    private static void removeHeadingAbove(Draft draft, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Segment above = draft.get(j);
            if (!above.kept()) {
                continue;
            }
            String t = above.text();
            if (Shapes.endsWithTerminal(t) || above.shape().words() > MAX_HEADING_WORDS) {
                return;
            }
            draft.remove(above, RULE);
        }
    }
}
