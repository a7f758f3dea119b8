package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataTest {

    private static final String PROSE = Cleaning.PROSE;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldExtractAuthorFromBylineKeepingItsCase() {
        CleanedText article = cleaning.article("By LAHAV HARKOV\n" + PROSE);
        assertThat(article.author()).isEqualTo("LAHAV HARKOV");
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).contains(new RuleRemoval("metadata-line", 1, 15));
    }

    @Test
    void shouldExtractAuthorAndDateFromOneBylineLine() {
        CleanedText article = cleaning.article("By Jane van der Berg | May 28, 2023 3:05 pm\n" + PROSE);
        assertThat(article.author()).isEqualTo("Jane van der Berg");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T15:05:00Z"));
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldExtractAuthorWithAffiliation() {
        CleanedText article = cleaning.article("By Tovah Lazaroff, Jerusalem Post Staff\n" + PROSE);
        assertThat(article.author()).isEqualTo("Tovah Lazaroff");
    }

    @Test
    void shouldParsePublishedLineAsUtcWhenNoZoneIsGiven() {
        CleanedText article = cleaning.article("Published: MAY 28, 2023 15:05\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T15:05:00Z"));
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldApplyAKnownZoneAbbreviation() {
        CleanedText article = cleaning.article("Updated: June 4, 2023 09:30 EDT\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-06-04T13:30:00Z"));
    }

    @Test
    void shouldPreferDateWithTimeOverDateOnlyLineOfTheSameDay() {
        CleanedText article = cleaning.article("date 2023-05-28\nPublished: MAY 28, 2023 15:05\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T15:05:00Z"));
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldPreferPublishedOverUpdatedDate() {
        CleanedText article = cleaning.article("Updated: May 30, 2023\nPublished: May 28, 2023\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T00:00:00Z"));
    }

    @Test
    void shouldParseIsoTimestampWithOffset() {
        CleanedText article = cleaning.article("2023-05-28T15:05:00+03:00\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T12:05:00Z"));
    }

    @Test
    void shouldParseDayFirstNumericDateWhenTheDayIsAboveTwelve() {
        CleanedText article = cleaning.article("28/05/2023\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T00:00:00Z"));
    }

    @Test
    void shouldRemoveButNotGuessAnAmbiguousNumericDate() {
        CleanedText article = cleaning.article("05/06/2023\n" + PROSE);
        assertThat(article.publishedAt()).isNull();
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldParseWeekdayAndDayFirstMonthName() {
        CleanedText article = cleaning.article("Sunday, 28 May 2023\n" + PROSE);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-05-28T00:00:00Z"));
    }

    @Test
    void shouldKeepSentenceThatStartsWithBy() {
        String sentence = "By the end of May 2023, prices had doubled.";
        CleanedText article = cleaning.article(PROSE + "\n" + sentence);
        assertThat(article.text()).endsWith(sentence);
        assertThat(article.author()).isNull();
    }

    @Test
    void shouldKeepSentenceThatContainsADate() {
        String sentence = "On May 28, 2023 the embassy opened.";
        CleanedText article = cleaning.article(sentence + "\n" + PROSE);
        assertThat(article.text()).startsWith(sentence);
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void shouldKeepLowerCaseByFragmentOfWrappedSentence() {
        String fragment = "by Whitehead, whose family has had majority control";
        assertThat(cleaning.text(PROSE + "\n" + fragment)).endsWith(fragment);
    }

    @Test
    void shouldKeepMonthNameSentence() {
        String sentence = "May 28 was chosen because of the holiday, officials said.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).endsWith(sentence);
    }
}
