package io.newsstream.clean;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Navigation and menu lines ("The Jerusalem Post - Israel News NY Conference Israel News Health
 * &amp; Wellness WORLD NEWS Opinion Business ..."), recognised by shape rather than by site:
 * no sentence ending, nearly every word capitalised, and several section words from
 * {@code rules/nav-words.txt}, separators or repeated words. At the article's edges less
 * evidence is needed than in the middle; a real sentence is never chrome.
 */
final class SiteChromeRule implements CleaningRule {

    static final String RULE = "site-chrome";
    /** Menu separators; dashes are not among them, they separate words in legends and titles too. */
    private static final String SEPARATORS = "|•·/»›>&+";

    private final Set<String> navWords;

    SiteChromeRule() {
        this.navWords = new HashSet<>();
        for (String w : RuleResources.lines("nav-words.txt")) {
            navWords.add(w.toLowerCase(Locale.ROOT));
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
            boolean atEdge = draft.atEdge(i);
            if (s.kept() && mayBeChrome(s.shape(), atEdge) && isChrome(s.text(), atEdge)) {
                draft.remove(s, RULE);
            }
        }
    }

    /**
     * What {@link #isChrome} asks of the words, from the segment's scan, without tokenising:
     * enough capitalised words. Most segments (prose, most table rows) fail here.
     */
    static boolean mayBeChrome(Shapes.Scan shape, boolean atEdge) {
        int words = shape.words();
        int capitalised = shape.capitalisedWords();
        if (words == 0) {
            return false;
        }
        if (atEdge) {
            return words == 1 ? capitalised == 1 : capitalised * 4 >= words * 3;
        }
        // 84 rather than 85: a gate must never be stricter than the rule's own division.
        return words >= 4 && capitalised * 100 >= words * 84;
    }

    boolean isChrome(String text, boolean atEdge) {
        if (text.length() > 3000 || Shapes.endsWithTerminal(text)) {
            return false;
        }
        List<String> tokens = Shapes.tokens(text);
        int words = 0;
        int capitalised = 0;
        int separators = 0;
        int nav = 0;
        Set<String> seen = new HashSet<>();
        int repeats = 0;
        int figures = 0;
        for (String t : tokens) {
            if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                figures++;
            }
            if (t.length() == 1 && SEPARATORS.indexOf(t.charAt(0)) >= 0) {
                separators++;
                continue;
            }
            int first = Shapes.firstLetter(t);
            if (first == 0) {
                continue;
            }
            words++;
            if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
                capitalised++;
            }
            String w = stripPunctuation(t.toLowerCase(Locale.ROOT));
            if (navWords.contains(w)) {
                nav++;
            }
            if (!seen.add(w)) {
                repeats++;
            }
        }
        if (words == 0 || figures * 4 > words) {
            // Menus have no figures; a line full of them is a table row.
            return false;
        }
        double capShare = (double) capitalised / words;
        if (atEdge) {
            if (words == 1) {
                return nav == 1 && capShare == 1.0;
            }
            return capShare >= 0.75 && (nav >= 3 || separators >= 2 || (words >= 4 && nav * 2 >= words)
                    || (words >= 6 && repeats >= 2 && nav >= 1));
        }
        return words >= 4 && capShare >= 0.85 && nav >= 3 && (nav * 3 >= words || separators >= 3);
    }

    private static String stripPunctuation(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && !Character.isLetterOrDigit(w.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(w.charAt(end - 1))) {
            end--;
        }
        return w.substring(start, end);
    }
}
