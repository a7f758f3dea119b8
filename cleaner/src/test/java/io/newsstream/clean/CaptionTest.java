package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptionTest {

    private static final String PROSE = Cleaning.PROSE;
    private static final String PROSE2 = Cleaning.PROSE2;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropCaptionRepeatedBackToBack() {
        CleanedText article = cleaning.article(PROSE + "\nFlag of Azerbaijan (credit: REUTERS)Flag of Azerbaijan "
                + "(credit: REUTERS)\n" + PROSE2);
        assertThat(article.text()).isEqualTo(PROSE + "\n\n" + PROSE2);
        assertThat(article.removals()).extracting(RuleRemoval::rule).contains("caption", "duplicate-paragraph");
    }

    @Test
    void shouldDropSentenceCaptionEndingInPhotoCredit() {
        String caption = "Israeli President Isaac Herzog speaks in Jerusalem, May 28, 2023. "
                + "(photo credit: Wikimedia Commons)";
        assertThat(cleaning.text(PROSE + "\n" + caption + "\n" + PROSE2)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldDropCreditLineAndTheNounPhraseCaptionAboveIt() {
        String body = PROSE + "\nThe Baku skyline at dusk\nPhoto: AFP\n" + PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldDropAgencyCredits() {
        String body = PROSE + "\nREUTERS/Amir Cohen\nAFP via Getty Images\n(AP Photo/Ohad Zwigenberg)\n"
                + "Credit: Wikimedia Commons\n" + PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldKeepSentenceAboveCreditLine() {
        String sentence = "The talks ended without an agreement.";
        String body = PROSE + "\n" + sentence + "\nPhoto: AFP\n" + PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + sentence + "\n\n" + PROSE2);
    }

    @Test
    void shouldKeepSentenceThatTalksAboutAPhotoCredit() {
        String sentence = "The picture, credited to a Reuters photographer (who asked not to be named), was "
                + "widely shared on Monday.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).isEqualTo(PROSE + "\n\n" + sentence);
    }

    @Test
    void shouldKeepSentenceAboutCreditMarkets() {
        String sentence = "Credit: the central bank said lending to households grew by 4% in May.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).isEqualTo(PROSE + "\n\n" + sentence);
    }
}
