package io.newsstream.clean;

import java.util.List;
import java.util.Set;

/**
 * Caption and credit pairs. Credit lines themselves ("Photo: AFP", "(credit: REUTERS)",
 * "Getty Images") are caption rows of {@code rules/boilerplate.tsv}; this rule removes the
 * caption just above a bare credit line, but only when that caption is not a sentence
 * ("Flag of Azerbaijan" above "(credit: REUTERS)"): a sentence above a credit may be the
 * article's own last paragraph before a picture.
 */
final class CaptionRule implements CleaningRule {

    static final String RULE = "caption";
    private static final int MAX_CREDIT_CHARS = 80;
    private static final int MAX_CAPTION_CHARS = 200;
    private static final Set<String> CREDIT_WORDS = Set.of("photo", "photos", "credit", "credits", "image",
            "images", "picture", "pictures", "photograph", "courtesy", "illustration", "illustrative", "source");

    /** A credit alone on its line: in brackets, introduced by a credit word, or a few words. */
    static boolean isBareCredit(String text) {
        if (text.length() > MAX_CREDIT_CHARS) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '(' || c == '[') {
            return true;
        }
        List<String> tokens = Shapes.tokens(text);
        String first = Shapes.lower(tokens.get(0)).replace(":", "");
        return CREDIT_WORDS.contains(first) || Shapes.wordCount(tokens) <= 4;
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        for (int i = 1; i < draft.size(); i++) {
            Segment credit = draft.get(i);
            if (!RULE.equals(credit.removedBy()) || !isBareCredit(credit.text())) {
                continue;
            }
            Segment above = draft.get(i - 1);
            String t = above.text();
            if (above.kept() && t.length() <= MAX_CAPTION_CHARS && !above.isSentence()
                    && !Shapes.endsWithTerminal(t) && !t.endsWith(":")) {
                draft.remove(above, RULE);
            }
        }
    }
}
