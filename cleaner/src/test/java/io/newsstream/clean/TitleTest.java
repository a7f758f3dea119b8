package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleTest {

    private static final String PROSE = Cleaning.PROSE;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldTakeHeadlineFromFirstLineWhenRecordHasNoTitle() {
        CleanedText article = cleaning.article("Envoys join Azerbaijan's celebration in Tel Aviv\n" + PROSE);
        assertThat(article.title()).isEqualTo("Envoys join Azerbaijan's celebration in Tel Aviv");
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).extracting(RuleRemoval::rule).contains("title-line");
    }

    @Test
    void shouldRemoveCopyOfRecordTitleFromText() {
        CleanedText article = cleaning.article("Envoys Join Celebration", "ENVOYS JOIN CELEBRATION\n" + PROSE, null);
        assertThat(article.title()).isEqualTo("Envoys Join Celebration");
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldRemoveTitleWithSiteNameSuffix() {
        CleanedText article = cleaning.article("Envoys join celebration",
                "Envoys join celebration | The Daily Herald\n" + PROSE, null);
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldKeepOtherFirstLineWhenRecordHasTitle() {
        String kicker = "A rare gathering of diplomats from the Caucasus";
        CleanedText article = cleaning.article("Envoys join celebration", kicker + "\n" + PROSE, null);
        assertThat(article.title()).isEqualTo("Envoys join celebration");
        assertThat(article.text()).startsWith(kicker);
    }

    @Test
    void shouldNotTakeLedeSentenceAsTitle() {
        CleanedText article = cleaning.article(PROSE + "\n" + Cleaning.PROSE2);
        assertThat(article.title()).isNull();
        assertThat(article.text()).isEqualTo(PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldNotTakeTheOnlyLineAsTitle() {
        String line = "Envoys join celebration in Tel Aviv";
        CleanedText article = cleaning.article(line);
        assertThat(article.title()).isNull();
        assertThat(article.text()).isEqualTo(line);
    }

    @Test
    void shouldKeepBodyThatIsOnlyItsHeadline() {
        CleanedText article = cleaning.article("Suit aims to stop move of Camden clinic",
                "Suit aims to stop move of Camden clinic.", "text/plain");
        assertThat(article.text()).isEqualTo("Suit aims to stop move of Camden clinic.");
    }
}
