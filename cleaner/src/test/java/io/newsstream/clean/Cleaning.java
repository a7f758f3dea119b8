package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: a cleaner without language detection (fast) and shortcuts to its outcome. */
final class Cleaning {

    private final ArticleCleaner cleaner = new ArticleCleaner(new CleanerConfig(2_000_000, 10_000, false));

    CleanOutcome outcome(String body) {
        return cleaner.clean(new RawText(null, body, null, null));
    }

    CleanedText article(String title, String body, String contentType) {
        CleanOutcome outcome = cleaner.clean(new RawText(title, body, contentType, null));
        assertThat(outcome).isInstanceOf(CleanOutcome.Cleaned.class);
        return ((CleanOutcome.Cleaned) outcome).article();
    }

    CleanedText article(String body) {
        return article(null, body, null);
    }

    String text(String body) {
        return article(body).text();
    }

    CleanOutcome.Rejected rejected(String body) {
        CleanOutcome outcome = outcome(body);
        assertThat(outcome).isInstanceOf(CleanOutcome.Rejected.class);
        return (CleanOutcome.Rejected) outcome;
    }

    /** A body paragraph long enough to count as the article's prose. */
    static final String PROSE = "Ambassadors and diplomats from across the Caucasus filled a Tel Aviv hotel on "
            + "Sunday evening as the embassy marked the country's Independence Day.";
    static final String PROSE2 = "The embassy, the first opened in Israel by a country with a Shiite Muslim "
            + "majority, has become a meeting point for diplomats who follow the region.";
}
