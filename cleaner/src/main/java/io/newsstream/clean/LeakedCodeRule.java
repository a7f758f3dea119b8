package io.newsstream.clean;

import java.util.List;
import java.util.Locale;

/**
 * JavaScript and CSS that leaked into the text ({@code document.getElementById(...)},
 * {@code var x = ...;}, {@code { display: none; }}). A segment is code when it carries a
 * marker from {@code rules/code-markers.txt} and is dense in code punctuation, or is
 * CSS-shaped, or is nothing but brackets and semicolons; a segment that opens a brace block
 * takes the following segments with it until the braces balance. Prose that merely names a
 * function has too little punctuation to count. One linear scan per segment, no regex.
 */
final class LeakedCodeRule implements CleaningRule {

    static final String RULE = "leaked-code";
    private static final double MARKED_DENSITY = 0.04;
    private static final double UNMARKED_DENSITY = 0.12;
    private static final int MAX_BLOCK_SEGMENTS = 200;

    private final List<String> markers;

    LeakedCodeRule() {
        this.markers = RuleResources.lines("code-markers.txt").stream().map(Shapes::lower).toList();
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        int depth = 0;
        int blockSegments = 0;
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (!s.kept()) {
                continue;
            }
            String t = s.text();
            boolean inBlock = depth > 0 && blockSegments < MAX_BLOCK_SEGMENTS && !looksLikeProse(t);
            if (inBlock || isCode(t, s.shape())) {
                draft.remove(s, RULE);
                depth = Math.max(0, depth + braceBalance(t));
                blockSegments = depth > 0 ? blockSegments + 1 : 0;
            } else {
                depth = 0;
                blockSegments = 0;
            }
        }
    }

    /** Every code shape of {@link #isCode} needs one of these chars; prose rarely has them. */
    private static boolean mayBeCode(Shapes.Scan shape, String t) {
        return shape.codePunctuation() || t.endsWith(")");
    }

    boolean isCode(String t) {
        return isCode(t, Shapes.scan(t));
    }

    /** {@link #isCode(String)} with the segment's scan already made. */
    boolean isCode(String t, Shapes.Scan shape) {
        if (!mayBeCode(shape, t)) {
            return false;
        }
        int symbols = 0;
        int visible = 0;
        int letters = 0;
        boolean braces = false;
        int colons = 0;
        int semicolons = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ') {
                continue;
            }
            visible++;
            if (Character.isLetter(c)) {
                letters++;
            }
            switch (c) {
                case '{', '}' -> {
                    braces = true;
                    symbols++;
                }
                case ';' -> {
                    semicolons++;
                    symbols++;
                }
                case ':' -> colons++;
                case '(', ')', '=', '[', ']', '<', '>', '$', '_', '\\' -> symbols++;
                default -> {
                }
            }
        }
        if (visible == 0) {
            return false;
        }
        double density = (double) symbols / visible;
        if (letters == 0) {
            // "});" or "}" alone.
            return braces || semicolons > 0 && symbols == visible;
        }
        if (braces && colons > 0 && semicolons > 0) {
            return true;
        }
        if (density < MARKED_DENSITY || !endsLikeCode(t)) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean marked = false;
        for (String m : markers) {
            if (containsMarker(lower, m)) {
                marked = true;
                break;
            }
        }
        if (marked) {
            return true;
        }
        return density >= UNMARKED_DENSITY && (braces || semicolons >= 2);
    }

    /** A marker that starts with a letter must start a word: "bolivar (5.08)" does not hold "var ". */
    private static boolean containsMarker(String lower, String marker) {
        boolean wordStart = Character.isLetter(marker.charAt(0));
        for (int at = lower.indexOf(marker); at >= 0; at = lower.indexOf(marker, at + 1)) {
            if (!wordStart || at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsLikeCode(String t) {
        char last = t.charAt(t.length() - 1);
        return last == ';' || last == '{' || last == '}' || last == ')' || last == ','
                || t.indexOf(';') >= 0 || t.indexOf('{') >= 0;
    }

    /** A full sentence with little code punctuation ends a brace block that never closed. */
    private static boolean looksLikeProse(String t) {
        if (!Shapes.isSentence(t)) {
            return false;
        }
        int symbols = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{' || c == '}' || c == ';' || c == '=') {
                symbols++;
            }
        }
        return symbols * 50 < t.length();
    }

    private static int braceBalance(String t) {
        int d = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{') {
                d++;
            } else if (c == '}') {
                d--;
            }
        }
        return d;
    }
}
