package io.newsstream.clean;

import java.util.List;

/**
 * Cleans one news article: screens the input (size, binary, encoding, emptiness), extracts
 * text from HTML, normalises characters, splits paragraphs, then runs the rules in a fixed
 * order (each documented on its class and in the module README) and assembles the text with
 * one blank line between paragraphs. Metadata found on the way fills title, author and
 * publication time; every removal is counted per rule.
 *
 * <p>Rule resources and the language detector are loaded once in the constructor; the
 * instance holds no per-call state, so one cleaner may serve many threads. {@link #clean}
 * never throws: an unexpected failure becomes a {@link CleanOutcome.Rejected} of reason
 * {@link RejectReason#INTERNAL} naming it.
 */
public final class ArticleCleaner {

    private final CleanerConfig config;
    private final HtmlExtractor html;
    private final List<CleaningRule> first;
    private final List<CleaningRule> beforeTitle;
    private final List<CleaningRule> afterTitle;
    private final LanguageGuesser languages;

    public ArticleCleaner(CleanerConfig config) {
        this.config = config;
        this.html = new HtmlExtractor();
        LinePatterns patterns = new LinePatterns("boilerplate.tsv");
        this.first = List.of(new RepeatedHalfRule(), new LeakedCodeRule());
        this.beforeTitle = List.of(
                new MetadataRule(new DateParser()),
                new PatternRule(patterns, config.maxLineChars()),
                new SiteChromeRule(),
                new CaptionRule(),
                new RepeatedShapeRule());
        this.afterTitle = List.of(
                new AppealRule(),
                new DuplicateRule());
        this.languages = config.detectLanguage() ? new LanguageGuesser() : null;
    }

    /**
     * How many articles so far needed the language library (lingua) because the cleaner's own
     * profile could not settle their language; 0 when detection is off. For benchmarks.
     */
    public long languageLibraryCalls() {
        return languages == null ? 0 : languages.libraryCalls();
    }

    /** Wall-clock nanoseconds spent in the language library so far (see {@link #languageLibraryCalls}). */
    public long languageLibraryNanos() {
        return languages == null ? 0 : languages.libraryNanos();
    }

    /** Receives how long each stage of one {@link #clean(RawText, StageTimer)} call took. */
    @FunctionalInterface
    public interface StageTimer {
        void record(String stage, long nanos);
    }

    public CleanOutcome clean(RawText raw) {
        return clean(raw, null);
    }

    /**
     * {@link #clean(RawText)}, reporting each stage's time to the timer (null: none): the input
     * screen, HTML extraction, hygiene and paragraphs, the draft (segment keys and shapes), each
     * rule by class name, assembly and language detection. A body taken as plain text without
     * the screen reports no screen; one that turned out not to be plain reports the time lost as
     * {@code plain-attempt} before the screen. For benchmarks; it reads the clock only when
     * given a timer.
     */
    public CleanOutcome clean(RawText raw, StageTimer timer) {
        try {
            return cleanChecked(raw, timer);
        } catch (RuntimeException | StackOverflowError e) {
            return new CleanOutcome.Rejected(RejectReason.INTERNAL,
                    "cleaner failed on this input: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CleanOutcome cleanChecked(RawText raw, StageTimer timer) {
        long t = timer == null ? 0 : System.nanoTime();
        String body = raw == null ? null : raw.body();
        RemovalTally tally = new RemovalTally();
        String headline = null;
        Draft draft = null;
        // Bodies the screen turns down on size alone are not read at all; HTML is asked once.
        boolean sized = body != null && !body.isEmpty() && body.length() <= config.maxBodyChars();
        boolean isHtml = sized && HtmlExtractor.looksLikeHtml(body, raw.contentType());
        if (sized && !isHtml) {
            draft = plainDraft(body, raw.title(), tally, timer, t);
            t = timer == null ? 0 : System.nanoTime();
        }
        if (draft == null) {
            InputScreen.Verdict screened = InputScreen.screen(body, config.maxBodyChars());
            t = lap(timer, "screen", t);
            if (screened.rejected() != null) {
                return screened.rejected();
            }
            Lines lines;
            if (isHtml) {
                HtmlExtractor.Extracted extracted = html.extract(body);
                String text = extracted.text();
                headline = extracted.headline();
                tally.add(HtmlExtractor.RULE, extracted.droppedElements(), Math.max(0, body.length() - text.length()));
                t = lap(timer, "html", t);
                lines = TextHygiene.lines(text, tally);
            } else {
                lines = TextHygiene.lines(body, screened, tally);
            }
            List<String> paragraphs = Paragrapher.segments(lines);
            t = lap(timer, "hygiene-and-paragraphs", t);
            if (paragraphs.isEmpty()) {
                return new CleanOutcome.Rejected(RejectReason.EMPTY, "no text left after markup and control characters");
            }
            draft = new Draft(paragraphs, raw.title(), tally);
            t = lap(timer, "draft", t);
        }
        t = apply(first, draft, timer, t);
        draft.locateBody();
        t = apply(beforeTitle, draft, timer, t);
        new TitleRule(headline).apply(draft);
        t = timer == null ? 0 : lap(timer, TitleRule.class.getSimpleName(), t);
        t = apply(afterTitle, draft, timer, t);
        String cleaned = draft.keptText();
        t = lap(timer, "assemble", t);
        if (cleaned.isEmpty()) {
            return new CleanOutcome.Rejected(RejectReason.ALL_BOILERPLATE,
                    "every segment was removed as boilerplate: " + tally.toList());
        }
        String language = languages == null ? null : languages.detect(draft, cleaned);
        lap(timer, "language", t);
        return new CleanOutcome.Cleaned(new CleanedText(draft.title(), cleaned, draft.author(),
                draft.publishedAt(), language, tally.toList()));
    }

    /**
     * The draft of a body of plain text taken as it is, or null. Most wire copy is printable
     * ASCII in clean lines: its lines need no repair, and the scan that every segment needs
     * anyway confirms the chars are plain, so the input screen's pass over the body is saved.
     * A body that is not plain after all (null) goes through the screen and full hygiene.
     */
    private static Draft plainDraft(String body, String title, RemovalTally tally, StageTimer timer, long start) {
        Lines plain = TextHygiene.plainLines(body);
        List<String> paragraphs = plain == null ? List.of() : Paragrapher.segments(plain);
        long split = timer == null ? 0 : System.nanoTime();
        Draft draft = paragraphs.isEmpty() ? null : Draft.ofPlainText(paragraphs, title, tally);
        if (timer != null && draft != null) {
            timer.record("hygiene-and-paragraphs", split - start);
            lap(timer, "draft", split);
        } else {
            lap(timer, "plain-attempt", start); // time lost on a body that was not plain after all
        }
        return draft;
    }

    private static long apply(List<CleaningRule> rules, Draft draft, StageTimer timer, long t) {
        for (CleaningRule rule : rules) {
            rule.apply(draft);
            // Class.getSimpleName is not free: only a timed run asks for it.
            t = timer == null ? 0 : lap(timer, rule.getClass().getSimpleName(), t);
        }
        return t;
    }

    /** Reports the time since {@code since} as the stage's, and returns now (no clock without a timer). */
    private static long lap(StageTimer timer, String stage, long since) {
        if (timer == null) {
            return 0;
        }
        long now = System.nanoTime();
        timer.record(stage, now - since);
        return now;
    }
}
