package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextHygieneTest {

    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldRemoveZeroWidthAndControlCharsAndCountThem() {
        String dirty = "Tel\u200B Aviv\u200C hotel\u200D on\u2060 Sunday\uFEFF evening\u0007 as the embassy marked "
                + "the country's Independence Day for the first time.";
        CleanedText article = cleaning.article(dirty);
        assertThat(article.text()).isEqualTo("Tel Aviv hotel on Sunday evening as the embassy marked the country's "
                + "Independence Day for the first time.");
        assertThat(article.removals()).contains(new RuleRemoval("control-chars", 6, 6));
    }

    @Test
    void shouldNormaliseToNfc() {
        String decomposed = "Le pre\u0301sident a visite\u0301 Bakou dimanche, a annonce\u0301 le minist\u00e8re.";
        assertThat(cleaning.text(decomposed))
                .isEqualTo("Le pr\u00e9sident a visit\u00e9 Bakou dimanche, a annonc\u00e9 le minist\u00e8re.");
    }

    @Test
    void shouldCollapseNbspTabsAndSpaceRunsToOneSpace() {
        assertThat(cleaning.text("The\u00A0embassy\t\topened   in\u2009March, officials said."))
                .isEqualTo("The embassy opened in March, officials said.");
    }

    @Test
    void shouldSeparateParagraphsByExactlyOneBlankLine() {
        String body = "\n\n  " + Cleaning.PROSE + "  \r\n\r\n\r\n\n   \n" + Cleaning.PROSE2 + "\n\n\n";
        assertThat(cleaning.text(body)).isEqualTo(Cleaning.PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldKeepTypographicQuotes() {
        String quote = "\u201CWe did not come here only to talk about Iran,\u201D one diplomat said. "
                + "\u2018It\u2019s a new era,\u2019 another added.";
        assertThat(cleaning.text(quote)).isEqualTo(quote);
    }

    @Test
    void shouldKeepRightToLeftText() {
        String hebrew = "\u05D4\u05E9\u05D2\u05E8\u05D9\u05E8\u05D5\u05EA \u05E0\u05E4\u05EA\u05D7\u05D4 "
                + "\u05D1\u05EA\u05DC \u05D0\u05D1\u05D9\u05D1 \u05D1\u05D7\u05D5\u05D3\u05E9 \u05DE\u05E8\u05E5.";
        assertThat(cleaning.text(hebrew)).isEqualTo(hebrew);
    }

    @Test
    void shouldJoinHardWrappedWireCopyIntoParagraphs() {
        String wire = "Standard Oil Co and BP North America\n"
                + "Inc said they plan to form a venture to manage the money market\n"
                + "borrowing and investment activities of both companies.\n"
                + "    BP North America is a subsidiary of British Petroleum Co\n"
                + "Plc <BP>, which also owns a 55 pct interest in Standard Oil.\n"
                + "\n Reuter\n";
        assertThat(cleaning.text(wire)).isEqualTo(
                "Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money "
                        + "market borrowing and investment activities of both companies.\n\n"
                        + "BP North America is a subsidiary of British Petroleum Co Plc <BP>, which also owns a 55 pct "
                        + "interest in Standard Oil.");
    }

    @Test
    void shouldKeepOneParagraphPerLineInScrapedText() {
        String scraped = Cleaning.PROSE + "\n" + Cleaning.PROSE2;
        assertThat(cleaning.text(scraped)).isEqualTo(Cleaning.PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldNotGlueShortScrapedArticleLinesTogether() {
        String body = "Israel presses Europe to act as Iran expands uranium enrichment now\n"
                + "Published: MAY 31, 2023 11:42\n"
                + "By JNS Staff\n"
                + "Israel urged France, Germany and Britain on Wednesday to act on Iran.";
        CleanedText article = cleaning.article(body);
        assertThat(article.title()).isEqualTo("Israel presses Europe to act as Iran expands uranium enrichment now");
        assertThat(article.author()).isEqualTo("JNS Staff");
        assertThat(article.text()).isEqualTo("Israel urged France, Germany and Britain on Wednesday to act on Iran.");
    }

    @Test
    void shouldSplitPlainBodiesAsTheGeneralPassDoes() {
        // A body the screen finds plain skips the char-by-char pass; the lines must not change.
        int plain = 0;
        for (String body : randomBodies()) {
            InputScreen.Verdict verdict = InputScreen.screen(body, 1_000_000);
            if (verdict.rejected() != null) {
                continue;
            }
            plain += verdict.plainAscii() ? 1 : 0;
            assertThat(TextHygiene.lines(body, verdict, new RemovalTally())).as("[%s]", body)
                    .isEqualTo(TextHygiene.lines(body, new RemovalTally()));
        }
        assertThat(plain).as("plain bodies").isGreaterThan(1000);
    }

    @Test
    void shouldTakeABodyAsPlainWithoutTheScreenExactlyWhenTheScreenWouldFindItPlain() {
        int taken = 0;
        for (String body : randomBodies()) {
            Lines lines = TextHygiene.plainLines(body);
            List<String> segments = lines == null ? List.of() : Paragrapher.segments(lines);
            Draft draft = segments.isEmpty() ? null : Draft.ofPlainText(segments, null, new RemovalTally());
            InputScreen.Verdict verdict = InputScreen.screen(body, 1_000_000);
            boolean screenedPlain = verdict.rejected() == null && verdict.plainAscii();
            assertThat(draft != null).as("taken as plain: [%s]", body).isEqualTo(screenedPlain && lines != null);
            if (draft != null) {
                taken++;
                List<String> general = Paragrapher.segments(TextHygiene.lines(body, verdict, new RemovalTally()));
                assertThat(draft.segments()).extracting(Segment::text).as("[%s]", body).isEqualTo(general);
            }
        }
        assertThat(taken).as("bodies taken as plain").isGreaterThan(1000);
    }

    /** Bodies made mostly of what plain text is made of, with tabs, CR LF, controls and non-ASCII chars now and then. */
    private static List<String> randomBodies() {
        String[] pieces = {"Word", "word", " ", "  ", "\n", "\n\n", "\n    ", "\n  ", ".", "1.5",
            "\t", "\r\n", "\u00a0", "\u00e9", "\u0007", "\u007f", "\u201c"};
        // Mostly the pieces a plain body is made of, so that many bodies are plain.
        return RandomTexts.of(11, 20_000, 1, 30, r -> pieces[r.nextInt(r.nextInt(4) == 0 ? pieces.length : 10)]);
    }
}
