package io.newsstream.clean;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one {@link ArticleCleaner#clean(RawText)} call: the segments, the
 * metadata found so far and the removal tally. Rules read and mark it; it never escapes the call.
 *
 * <p>The article's "edges" are the segments before its first and after its last body
 * paragraph (a prose sentence of some length). Chrome, bylines, appeals and widgets live
 * there, so several rules are stricter in the middle of the article than at its edges.
 */
final class Draft {

    private static final int BODY_PARAGRAPH_CHARS = 80;

    private final List<Segment> segments;
    private final RemovalTally tally;
    private final String givenTitle;
    private int bodyStart;
    private int bodyEnd;
    private String title;
    private String author;
    private Instant publishedAt;
    private boolean publishedFromUpdate;
    private boolean publishedHasTime;

    Draft(List<String> segmentTexts, String givenTitle, RemovalTally tally) {
        this(givenTitle, tally, segments(segmentTexts));
    }

    private Draft(String givenTitle, RemovalTally tally, List<Segment> segments) {
        this.segments = segments;
        this.tally = tally;
        this.givenTitle = givenTitle;
        this.title = givenTitle;
        locateBody();
    }

    /**
     * The draft of segments taken from a body without the {@link InputScreen}
     * ({@link TextHygiene#plainLines}), or null when that was wrong: a segment holds a char other
     * than printable ASCII and the space, or none has a letter or digit. The scan of each
     * segment, which every draft needs, is what decides; it stops at the first segment that is
     * not plain.
     */
    static Draft ofPlainText(List<String> segmentTexts, String givenTitle, RemovalTally tally) {
        List<Segment> segments = segments(segmentTexts);
        int kinds = 0;
        for (Segment s : segments) {
            Shapes.Scan scan = s.shape();
            if (!scan.plain()) {
                return null;
            }
            kinds |= scan.kinds();
        }
        if ((kinds & (Shapes.LETTER | Shapes.DIGIT)) == 0) {
            return null;
        }
        return new Draft(givenTitle, tally, segments);
    }

    private static List<Segment> segments(List<String> texts) {
        List<Segment> segments = new ArrayList<>(texts.size());
        int longest = 0;
        for (String t : texts) {
            longest = Math.max(longest, t.length());
        }
        Shapes.Scratch scratch = new Shapes.Scratch(longest);
        for (String t : texts) {
            segments.add(new Segment(t, scratch));
        }
        return segments;
    }

    /** Recomputes the edges from the segments still kept. */
    void locateBody() {
        int first = -1;
        int last = -1;
        int firstShort = -1;
        int lastShort = -1;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!s.kept() || !s.isSentence()) {
                continue;
            }
            if (firstShort < 0) {
                firstShort = i;
            }
            lastShort = i;
            if (s.text().length() >= BODY_PARAGRAPH_CHARS) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            first = firstShort;
            last = lastShort;
        }
        if (first < 0) {
            // No prose at all: treat nothing as an edge, so that only explicit patterns apply.
            first = 0;
            last = segments.size() - 1;
        }
        bodyStart = first;
        bodyEnd = last;
    }

    List<Segment> segments() {
        return segments;
    }

    int size() {
        return segments.size();
    }

    Segment get(int i) {
        return segments.get(i);
    }

    boolean atTop(int i) {
        return i < bodyStart;
    }

    boolean atBottom(int i) {
        return i > bodyEnd;
    }

    boolean atEdge(int i) {
        return atTop(i) || atBottom(i);
    }

    int bodyStart() {
        return bodyStart;
    }

    int bodyEnd() {
        return bodyEnd;
    }

    void remove(Segment s, String rule) {
        if (s.kept()) {
            s.markRemoved(rule);
            tally.add(rule, 1, s.text().length());
        }
    }

    RemovalTally tally() {
        return tally;
    }

    String givenTitle() {
        return givenTitle;
    }

    String title() {
        return title;
    }

    void title(String t) {
        this.title = t;
    }

    String author() {
        return author;
    }

    void author(String a) {
        if (author == null) {
            author = a;
        }
    }

    Instant publishedAt() {
        return publishedAt;
    }

    /**
     * The first publication date wins, except that a date with a time refines an earlier
     * date-only line of the same day ("date 2023-05-28" then "Published: MAY 28, 2023 15:05"),
     * and an "Updated" date is used only until a publication date turns up.
     */
    void publishedAt(Instant at, boolean isUpdate, boolean hasTime) {
        boolean refines = hasTime && !publishedHasTime && isUpdate == publishedFromUpdate
                && publishedAt != null && publishedAt.truncatedTo(ChronoUnit.DAYS).equals(at.truncatedTo(ChronoUnit.DAYS));
        if (publishedAt == null || (publishedFromUpdate && !isUpdate) || refines) {
            publishedAt = at;
            publishedFromUpdate = isUpdate;
            publishedHasTime = hasTime;
        }
    }

    String keptText() {
        int length = 0;
        for (Segment s : segments) {
            length += s.kept() ? s.text().length() + 2 : 0;
        }
        StringBuilder b = new StringBuilder(length); // sized once: no regrowth and copying as it fills
        for (Segment s : segments) {
            if (s.kept()) {
                if (b.length() > 0) {
                    b.append("\n\n");
                }
                b.append(s.text());
            }
        }
        return b.toString();
    }
}
