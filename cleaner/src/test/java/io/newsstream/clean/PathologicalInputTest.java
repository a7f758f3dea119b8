package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs built to hurt: each must finish and never throw. The timeouts are generous because the
 * build machine is shared and often overloaded; catastrophic regex backtracking or quadratic
 * scans on these inputs would take minutes to hours, far beyond them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PathologicalInputTest {

    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldKeepAMillionCharacterLineAsContent() {
        String line = "word ".repeat(200_000).strip() + ".";
        CleanedText article = cleaning.article(line);
        assertThat(article.text()).hasSize(line.length());
    }

    @Test
    void shouldHandleAMillionCharacterLineOfBracketsAndColons() {
        String hostile = "(photo: (credit: (".repeat(60_000);
        assertThat(cleaning.outcome(Cleaning.PROSE + "\n" + hostile)).isNotNull();
    }

    @Test
    void shouldHandleShortLinesThatTemptRegexBacktracking() {
        StringBuilder b = new StringBuilder(Cleaning.PROSE).append('\n');
        for (int i = 0; i < 2000; i++) {
            b.append("a".repeat(299)).append(" (credit: ").append("x".repeat(79)).append('\n');
            b.append("Photo: ").append("b ".repeat(150)).append('\n');
        }
        assertThat(cleaning.outcome(b.toString())).isNotNull();
    }

    @Test
    // jsoup (1.22 and later) keeps at most 512 elements open, as browsers do, so 100,000 nested
    // elements cost linear time and the text inside them is kept; about a second here.
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldHandleDeeplyNestedHtml() {
        String html = "<div>".repeat(100_000) + "<p>" + Cleaning.PROSE + "</p>" + "</div>".repeat(100_000);
        CleanOutcome outcome = cleaning.outcome(html);
        assertThat(outcome).isInstanceOf(CleanOutcome.Cleaned.class);
        assertThat(((CleanOutcome.Cleaned) outcome).article().text()).contains("Ambassadors");
    }

    @Test
    void shouldRejectAMillionPunctuationMarksAsEmpty() {
        assertThat(cleaning.rejected(".,;:!?-()".repeat(110_000)).reason()).isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldSurviveEveryUnicodePlane() {
        StringBuilder b = new StringBuilder(Cleaning.PROSE).append('\n');
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 97) {
            b.appendCodePoint(cp);
        }
        b.append('\n').append("\uD800 lone surrogate \uDC00 and \uD83D\uDE00 emoji.");
        CleanOutcome outcome = cleaning.outcome(b.toString());
        assertThat(outcome).isNotNull();
    }

    @Test
    void shouldHandleOneHundredEightyThousandShortLines() {
        String body = Cleaning.PROSE + "\n" + "Share\nNews Home\nA line. B line.\n".repeat(60_000);
        assertThat(body.length()).isLessThan(CleanerConfig.defaults().maxBodyChars());
        CleanedText article = cleaning.article(body);
        assertThat(article.text()).startsWith(Cleaning.PROSE);
    }

    @Test
    void shouldHandleManyDistinctMidLengthParagraphs() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("Paragraph number ").append(i).append(" says the talks in Baku went on late into the night.\n");
        }
        CleanedText article = cleaning.article(b.toString());
        assertThat(article.text().split("\n\n")).hasSize(20_000);
    }

    @Test
    void shouldHandleMixedRightToLeftAndLeftToRightText() {
        String mixed = "The minister said \u05E9\u05DC\u05D5\u05DD and \u0633\u0644\u0627\u0645 in Baku, "
                + "\u200Fofficials\u200E reported.";
        assertThat(cleaning.text(mixed)).isEqualTo(mixed);
    }
}
