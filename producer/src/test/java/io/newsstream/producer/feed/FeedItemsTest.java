package io.newsstream.producer.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an item's body is typed when the feed does not say. */
class FeedItemsTest {

    @Test
    void shouldFollowTheTypeTheFeedDeclares() {
        assertThat(FeedItems.contentType("text", "<p>Talks</p>")).isEqualTo("text/plain");
        assertThat(FeedItems.contentType("html", "Talks in Baku")).isEqualTo("text/html");
        assertThat(FeedItems.contentType("application/xhtml+xml", "Talks")).isEqualTo("text/html");
    }

    @Test
    void shouldTakeAnUntypedBodyWithFeedMarkupAsHtml() {
        assertThat(FeedItems.contentType(null, "Talks in <b>Baku</b> ended.")).isEqualTo("text/html");
        assertThat(FeedItems.contentType(null, "Talks ended.<br/>More soon")).isEqualTo("text/html");
        assertThat(FeedItems.contentType("", "<P CLASS=\"lead\">Talks ended.</P>")).isEqualTo("text/html");
        assertThat(FeedItems.contentType(null, "Read <a href=\"https://x.example/1\">more</a>")).isEqualTo("text/html");
    }

    @Test
    void shouldKeepTickersInAngleBracketsAsPlainText() {
        // Parsed as HTML, "<SRD>" would be an unknown element and the ticker would be lost.
        assertThat(FeedItems.contentType(null, "Standard Oil Co <SRD> and BP North America Inc <BP> said"))
                .isEqualTo("text/plain");
        assertThat(FeedItems.contentType(null, "Shares rose 5 pct; <BRT> and <Pacific Gas> followed"))
                .isEqualTo("text/plain");
        assertThat(FeedItems.contentType(null, "1 < 2 and 3 > 2")).isEqualTo("text/plain");
    }
}
