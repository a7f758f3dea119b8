package io.newsstream.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** Phrases by the hash of their first run of letters and digits, for a one-pass scan. */
    private final Map<Integer, List<Integer>> byFirstWord = new HashMap<>();

    AppealRule() {
        for (String[] row : RuleResources.rows("appeal-words.tsv", 2)) {
            String text = Shapes.lower(row[0]);
            phrases.add(new Phrase(text, Integer.parseInt(row[1].strip())));
            int end = 0;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            byFirstWord.computeIfAbsent(hash(text, 0, end), h -> new ArrayList<>()).add(phrases.size() - 1);
        }
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (!s.kept() || s.text().length() > MAX_CHARS) {
                continue;
            }
            int needed = !draft.atEdge(i) ? MIDDLE_SCORE
                    : isShortLine(s.text()) && startsWithAppeal(s.lower()) ? SHORT_EDGE_SCORE : EDGE_SCORE;
            if (score(s.lower()) >= needed) {
                draft.remove(s, RULE);
                if (i >= draft.bodyEnd()) {
                    removeHeadingAbove(draft, i);
                }
            }
        }
    }

    /** "Donate now", "Subscribe to ...": the line opens with an appeal phrase, not with "A newsletter which ...". */
    private boolean startsWithAppeal(String lower) {
        int end = 0;
        while (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        List<Integer> candidates = byFirstWord.get(hash(lower, 0, end));
        if (candidates == null) {
            return false;
        }
        for (int idx : candidates) {
            Phrase p = phrases.get(idx);
            if (p.weight() >= 2 && lower.startsWith(p.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShortLine(String text) {
        return !Shapes.endsWithTerminal(text) && Shapes.wordCount(Shapes.tokens(text)) <= SHORT_LINE_WORDS;
    }

    /** Sum of the weights of the phrases found in the lower-case text, each phrase once. */
    int score(String lower) {
        boolean[] found = new boolean[phrases.size()];
        int score = 0;
        boolean strong = false;
        int n = lower.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetterOrDigit(lower.charAt(end))) {
                end++;
            }
            List<Integer> candidates = byFirstWord.get(hash(lower, i, end));
            if (candidates != null) {
                for (int idx : candidates) {
                    Phrase p = phrases.get(idx);
                    int pEnd = i + p.text().length();
                    if (!found[idx] && lower.startsWith(p.text(), i)
                            && (pEnd == n || !Character.isLetterOrDigit(lower.charAt(pEnd)))) {
                        found[idx] = true;
                        score += p.weight();
                        strong |= p.weight() >= 2;
                    }
                }
            }
            i = end;
        }
        // Addressing the reader is not an appeal by itself: a quote can say "you" and "our".
        return strong ? score : Math.min(score, 0);
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static void removeHeadingAbove(Draft draft, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Segment above = draft.get(j);
            if (!above.kept()) {
                continue;
            }
            String t = above.text();
            if (Shapes.endsWithTerminal(t) || Shapes.wordCount(Shapes.tokens(t)) > MAX_HEADING_WORDS) {
                return;
            }
            draft.remove(above, RULE);
        }
    }
}
