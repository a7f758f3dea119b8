package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {

    private static final String PROSE = Cleaning.PROSE;
    private static final String PROSE2 = Cleaning.PROSE2;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropShareAndPrintWidgets() {
        String body = PROSE + "\nShare on Facebook\nShare on Twitter\nPrint\nFacebook | Twitter | WhatsApp | Email";
        CleanedText article = cleaning.article(body);
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).contains(new RuleRemoval("boilerplate", 4, 75));
    }

    @Test
    void shouldDropExitMobileVersionAndStoreLink() {
        assertThat(cleaning.text(PROSE + "\nThe Daily Herald Store\nExit mobile version")).isEqualTo(PROSE);
    }

    @Test
    void shouldDropReadMoreRelatedAndAdvertisementLines() {
        String body = PROSE + "\nAdvertisement\nRead more: Azerbaijan opens embassy in Israel\n"
                + "Related: Iran recalls diplomats\n" + PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldDropCookieNotice() {
        String body = "We use cookies to improve your experience. By continuing to browse you agree to our use of "
                + "cookies.\n" + PROSE;
        assertThat(cleaning.text(body)).isEqualTo(PROSE);
    }

    @Test
    void shouldDropCommentCountersAndClickHereLinks() {
        String body = PROSE + "\nComments (3)\nClick here to receive our daily briefing\n3";
        assertThat(cleaning.text(body)).isEqualTo(PROSE);
    }

    @Test
    void shouldDropLabelRepeatedAtBothEdges() {
        String body = "Listen Now\n" + PROSE + "\n" + PROSE2 + "\nListen Now";
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldDropLinesWithoutLettersOrDigits() {
        assertThat(cleaning.text(PROSE + "\n* * *\n" + PROSE2)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldKeepSentenceThatStartsLikeAWidget() {
        String sentence = "Share prices fell 3% on Monday after the announcement.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).endsWith(sentence);
    }

    @Test
    void shouldKeepOneLineSentenceParagraphs() {
        String body = PROSE + "\nHe declined to comment.\n" + PROSE2 + "\nIt was not the first time.";
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\nHe declined to comment.\n\n" + PROSE2
                + "\n\nIt was not the first time.");
    }

    @Test
    void shouldKeepRepeatedTableRowsWithFigures() {
        String body = PROSE + "\nShr 1.20 dlrs vs 1.10 dlrs\nNet 5.1 mln vs 4.2 mln\nShr 1.20 dlrs vs 1.10 dlrs\n"
                + "Net 5.1 mln vs 4.2 mln";
        assertThat(cleaning.text(body).split("\n\n")).hasSize(5);
    }

    @Test
    void shouldKeepSubheadingThatAppearsTwiceInTheMiddle() {
        String body = PROSE + "\nThe Energy Deal\n" + PROSE2 + "\nThe Energy Deal\n" + PROSE;
        assertThat(cleaning.text(body)).contains("The Energy Deal");
    }

    @Test
    void shouldLetThroughEveryStartThatCanBeginAMatch() {
        RegexStarts starts = new RegexStarts(java.util.List.of(
                java.util.regex.Pattern.compile("(?i)(?:share|post)(?: this)? on [a-z]{1,20}"),
                java.util.regex.Pattern.compile(".{0,30}?\\(credit: [A-Z]+\\)")));
        assertThat(starts.candidates("Share on Facebook")).isEqualTo(0b11);
        assertThat(starts.candidates("POST this on x")).isEqualTo(0b11);
        // "S" can start "share", "Sa" cannot: only the regex that may start anywhere is left.
        assertThat(starts.candidates("Sales 15.9 mln vs 12.0 mln")).isEqualTo(0b10);
        assertThat(starts.candidates("Shr 39 cts vs 50 cts")).isEqualTo(0b11);
        assertThat(starts.candidates("Net 1,545,160 vs 2,188,933")).isEqualTo(0b10);
        assertThat(starts.candidates("S")).isEqualTo(0b11);
        assertThat(starts.candidates("“Share on”")).isEqualTo(0b11); // chars above U+00FF are not judged
    }
}
