package io.newsstream.clean;

import java.util.List;

/**
 * The headline. When the record has a title, copies of it at the top of the text (also as
 * "Title | Site" or "Title - Site") are removed. When it has none, the first kept segment
 * becomes the title if it is shaped like a headline (not ending in a full stop, at most
 * {@link #MAX_CHARS} chars, at least two words) and is followed by more text; with HTML the
 * first {@code <h1>} is preferred.
 */
final class TitleRule implements CleaningRule {

    static final String RULE = "title-line";
    private static final int MAX_CHARS = 250;
    private static final int MAX_SITE_SUFFIX_WORDS = 6;
    private static final int TOP_SEGMENTS = 8;

    private final String htmlHeadline;

    TitleRule(String htmlHeadline) {
        this.htmlHeadline = htmlHeadline;
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        String known = draft.givenTitle() != null && !draft.givenTitle().isBlank()
                ? draft.givenTitle().strip() : htmlHeadline;
        if (known != null) {
            draft.title(known);
            removeCopies(draft, Shapes.key(known));
            return;
        }
        int first = firstKept(draft, 0);
        if (first < 0 || firstKept(draft, first + 1) < 0) {
            return;
        }
        Segment s = draft.get(first);
        if (isHeadline(s.text())) {
            draft.title(s.text());
            draft.remove(s, RULE);
            removeCopies(draft, s.key());
        }
    }

    static boolean isHeadline(String text) {
        if (text.length() > MAX_CHARS || !Shapes.hasLetter(text)) {
            return false;
        }
        String t = text.strip();
        char last = t.charAt(t.length() - 1);
        if (last == '.' && !t.endsWith("...")) {
            return false;
        }
        List<String> tokens = Shapes.tokens(t);
        return Shapes.wordCount(tokens) >= 2;
    }

    private static void removeCopies(Draft draft, String titleKey) {
        if (titleKey.isEmpty()) {
            return;
        }
        int seen = 0;
        for (int i = 0; i < draft.size() && seen < TOP_SEGMENTS; i++) {
            Segment s = draft.get(i);
            if (!s.kept()) {
                continue;
            }
            seen++;
            if (i > draft.bodyStart()) {
                return;
            }
            String key = s.key();
            boolean copy = key.equals(titleKey) || isTitleWithSite(key, titleKey, s);
            // A body that is nothing but its headline keeps it: the text must not come out empty.
            if (copy && firstKept(draft, i + 1) >= 0 || copy && firstKept(draft, 0) < i) {
                draft.remove(s, RULE);
            }
        }
    }

    private static boolean isTitleWithSite(String key, String titleKey, Segment segment) {
        int n = titleKey.length();
        if (key.length() <= n || key.charAt(n) != ' ' || !key.startsWith(titleKey) || segment.isSentence()) {
            return false;
        }
        String suffix = key.substring(titleKey.length() + 1);
        return Shapes.wordCount(Shapes.tokens(suffix)) <= MAX_SITE_SUFFIX_WORDS;
    }

    private static int firstKept(Draft draft, int from) {
        for (int i = from; i < draft.size(); i++) {
            if (draft.get(i).kept()) {
                return i;
            }
        }
        return -1;
    }
}
