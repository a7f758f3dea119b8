package io.newsstream.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Date lines and bylines: short segments made only of a label ({@code rules/date-labels.txt},
 * {@code rules/byline-labels.txt}), a date, a name and separators. They are removed from the
 * text and fill {@code publishedAt} and {@code author}. A segment is metadata only if every
 * part of it is understood, so "By the end of May 2023, prices had doubled." stays.
 */
final class MetadataRule implements CleaningRule {

    static final String RULE = "metadata-line";
    private static final int MAX_CHARS = 160;
    private static final int MAX_NAME_TOKENS = 8;
    private static final int MAX_AFFILIATION_WORDS = 6;
    private static final Set<String> PARTICLES = Set.of("and", "&", "de", "da", "di", "del", "della", "van",
            "von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "ben", "y", "du", "dos", "das");

    private final DateParser dates;
    private final List<String> dateLabels;
    private final List<String> updateLabels;
    private final List<String> bylineLabels;
    /** First words of labels, and month and weekday names: what a metadata line can open with. */
    private final WordTable openers;

    MetadataRule(DateParser dates) {
        this.dates = dates;
        this.dateLabels = new ArrayList<>();
        this.updateLabels = new ArrayList<>();
        for (String[] row : RuleResources.rows("date-labels.tsv", 2)) {
            String label = row[0].toLowerCase(Locale.ROOT);
            dateLabels.add(label);
            if ("updated".equals(row[1])) {
                updateLabels.add(label);
            }
        }
        // Longest first, so "last updated" wins over "updated" and "written by" over "by".
        dateLabels.sort((a, b) -> b.length() - a.length());
        this.bylineLabels = new ArrayList<>();
        for (String l : RuleResources.lines("byline-labels.txt")) {
            bylineLabels.add(l.toLowerCase(Locale.ROOT));
        }
        bylineLabels.sort((a, b) -> b.length() - a.length());
        Map<String, Long> opening = new HashMap<>();
        for (String label : dateLabels) {
            opening.put(label.split(" ")[0], 1L);
        }
        for (String label : bylineLabels) {
            opening.put(label.split(" ")[0], 1L);
        }
        DateParser.monthAndWeekdayNames().forEach(w -> opening.put(w, 1L));
        this.openers = new WordTable(opening);
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (s.kept() && s.text().length() <= MAX_CHARS && mayBeMetadata(s.text())
                    && readMetadata(s.text(), draft)) {
                draft.remove(s, RULE);
            }
        }
    }

    /** Cheap gate: metadata starts with a label, a month or weekday name, or a digit. */
    private boolean mayBeMetadata(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (Character.isDigit(text.charAt(0))) {
            return true;
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return openers.get(text, 0, end) != 0;
    }

    /** Reads the segment as metadata; records what it found only when all of it is metadata. */
    boolean readMetadata(String text, Draft draft) {
        List<Found> found = new ArrayList<>();
        for (String part : splitParts(text)) {
            Found f = readPart(part);
            if (f == null) {
                return false;
            }
            found.add(f);
        }
        if (found.isEmpty()) {
            return false;
        }
        for (Found f : found) {
            if (f.author != null && draft != null) {
                draft.author(f.author);
            }
            if (f.date != null && f.date.instant() != null && draft != null) {
                draft.publishedAt(f.date.instant(), f.update, f.date.hasTime());
            }
        }
        return true;
    }

    private record Found(String author, DateParser.Parsed date, boolean update) {
    }

    private static List<String> splitParts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '•' || c == '·') {
                addPart(parts, text.substring(start, i));
                start = i + 1;
            }
        }
        addPart(parts, text.substring(start));
        return parts;
    }

    private static void addPart(List<String> parts, String p) {
        String t = p.strip();
        if (!t.isEmpty()) {
            parts.add(t);
        }
    }

    private Found readPart(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        for (String label : dateLabels) {
            if (lower.startsWith(label) && (lower.length() == label.length()
                    || !Character.isLetter(lower.charAt(label.length())))) {
                String rest = stripColon(part.substring(label.length()));
                DateParser.Parsed d = dates.parse(rest);
                if (d != null) {
                    return new Found(null, d, updateLabels.contains(label));
                }
            }
        }
        DateParser.Parsed bare = dates.parse(part);
        if (bare != null) {
            return new Found(null, bare, false);
        }
        // A byline label starts with a capital ("By", "BY", "Written by"): "by Whitehead, whose
        // family ..." is the broken-off end of a sentence.
        if (!Character.isUpperCase(part.codePointAt(0))) {
            return null;
        }
        for (String label : bylineLabels) {
            if (lower.startsWith(label + " ") || lower.startsWith(label + ":")) {
                return readByline(stripColon(part.substring(label.length())));
            }
        }
        return null;
    }

    /** A name of capitalised tokens, then optionally a date or a short affiliation after a comma or dash. */
    private Found readByline(String rest) {
        List<String> tokens = Shapes.tokens(rest);
        List<String> name = new ArrayList<>();
        int i = 0;
        boolean ended = false;
        for (; i < tokens.size() && name.size() < MAX_NAME_TOKENS; i++) {
            String t = tokens.get(i);
            if (DateParser.isMonth(t) || DateParser.isWeekday(t) || Character.isDigit(t.charAt(0))) {
                break;
            }
            if (t.equals("-") || t.equals("–") || t.equals("—")) {
                i++;
                ended = true;
                break;
            }
            boolean comma = t.endsWith(",") || t.endsWith(";");
            String word = comma ? t.substring(0, t.length() - 1) : t;
            if (!isNameToken(word, name.isEmpty())) {
                return null;
            }
            name.add(word);
            if (comma) {
                i++;
                ended = true;
                break;
            }
        }
        if (name.isEmpty() || PARTICLES.contains(name.get(name.size() - 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        String author = String.join(" ", name);
        if (i >= tokens.size()) {
            return new Found(author, null, false);
        }
        String remainder = String.join(" ", tokens.subList(i, tokens.size()));
        DateParser.Parsed d = dates.parse(remainder);
        if (d != null) {
            return new Found(author, d, false);
        }
        if (ended && isAffiliation(remainder)) {
            return new Found(author, null, false);
        }
        return null;
    }

    /** "Jerusalem Post Staff", "Reuters", "Editing by Alex Richardson": short, mostly capitalised, not a sentence. */
    private static boolean isAffiliation(String s) {
        List<String> tokens = Shapes.tokens(s);
        int words = Shapes.wordCount(tokens);
        return words <= MAX_AFFILIATION_WORDS && !Shapes.endsWithTerminal(s) && s.indexOf(',') < 0
                && Shapes.lowerWordShare(tokens) <= 0.5;
    }

    private static boolean isNameToken(String t, boolean first) {
        if (t.isEmpty()) {
            return false;
        }
        if (!first && PARTICLES.contains(t.toLowerCase(Locale.ROOT))) {
            return true;
        }
        int cp = t.codePointAt(0);
        if (!Character.isUpperCase(cp) && !Character.isTitleCase(cp)) {
            return false;
        }
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c) && c != '.' && c != '\'' && c != '’' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static String stripColon(String s) {
        String t = s.strip();
        while (!t.isEmpty() && (t.charAt(0) == ':' || t.charAt(0) == '-' || t.charAt(0) == '–')) {
            t = t.substring(1).strip();
        }
        return t;
    }
}
