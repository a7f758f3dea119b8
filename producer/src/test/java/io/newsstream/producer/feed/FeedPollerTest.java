package io.newsstream.producer.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.producer.ArticleDigest;
import io.newsstream.producer.ingest.Ingestion;
import io.newsstream.producer.ingest.LiveIngest;
import io.newsstream.producer.ingest.MockPublishers;
import io.newsstream.producer.ingest.PublishedLedger;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds served by a local HTTP server from fixtures; the server honours or ignores validators per path. */
class FeedPollerTest {

    private static final String ETAG = "\"rss-v1\"";
    private static final String LAST_MODIFIED = "Fri, 03 May 2024 08:00:00 GMT";

    @TempDir
    Path stateDir;

    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private final FeedPoller poller = FeedPoller.withDefaults(Clock.systemUTC());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", ex -> serve(ex, "rss2.xml", "If-None-Match", ETAG, "ETag"));
        server.createContext("/atom", ex -> serve(ex, "atom.xml", "If-Modified-Since", LAST_MODIFIED, "Last-Modified"));
        server.createContext("/plain", ex -> serve(ex, "rss2.xml", null, null, null));
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<html>no feed here</html>".getBytes());
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldTakeRssContentAsHtmlBodyAndGuidAsId() {
        final FeedPoller.Fetch fetch = poller.fetch(url("/rss"));

        assertThat(fetch.ok()).isTrue();
        final RawArticle rail = fetch.articles().get(0);
        assertThat(rail.getId()).isEqualTo(ArticleDigest.id("feed_", "caspian-2024-0501"));
        assertThat(rail.getTitle()).isEqualTo("Azerbaijan and Georgia sign a rail deal");
        assertThat(rail.getBody()).contains("<b>Azerbaijan</b>");
        assertThat(rail.getContentType()).isEqualTo("text/html");
        assertThat(rail.getUrl()).isEqualTo("https://caspian.example/2024/05/rail");
        assertThat(rail.getPublishedAt()).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(rail.getSource()).isEqualTo(url("/rss").toString());
        assertThat(fetch.articles().get(1).getId()).isEqualTo(ArticleDigest.id("feed_", "https://caspian.example/2024/05/visit"));
        assertThat(fetch.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("no description"));
    }

    @Test
    void shouldReadAtomContentTypesAndPublishedDates() {
        final List<RawArticle> articles = poller.fetch(url("/atom")).articles();

        assertThat(articles).extracting(RawArticle::getContentType).containsExactly("text/html", "text/plain");
        assertThat(articles.get(0).getPublishedAt()).isEqualTo(Instant.parse("2024-05-03T07:15:00Z"));
        assertThat(articles.get(1).getPublishedAt()).isEqualTo(Instant.parse("2024-05-03T08:00:00Z"));
        assertThat(articles.get(1).getBody()).isEqualTo("Lebanon announced a new budget.");
    }

    @Test
    void shouldSendTheEtagBackAndPublishNothingOnNotModified() {
        final MockProducer<String, RawArticle> producer = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir);
             LiveIngest live = live(producer, ledger, "/rss")) {
            live.pollFeeds();
            live.pollFeeds();
        }

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).doesNotContainKey("If-None-Match");
        assertThat(requests.get(1)).containsEntry("If-None-Match", ETAG);
        assertThat(requests.get(1)).containsEntry("status", "304");
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void shouldSendLastModifiedBackAsIfModifiedSince() {
        final MockProducer<String, RawArticle> producer = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir);
             LiveIngest live = live(producer, ledger, "/atom")) {
            live.pollFeeds();
            live.pollFeeds();
        }

        assertThat(requests.get(1)).containsEntry("If-Modified-Since", LAST_MODIFIED).containsEntry("status", "304");
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void shouldPublishEachItemOnceWhenTheServerIgnoresValidatorsAndAcrossARestart() {
        final MockProducer<String, RawArticle> first = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir);
             LiveIngest live = live(first, ledger, "/plain")) {
            live.pollFeeds();
            live.pollFeeds();
        }
        final MockProducer<String, RawArticle> afterRestart = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir);
             LiveIngest live = live(afterRestart, ledger, "/plain")) {
            live.pollFeeds();
        }

        assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r).containsEntry("status", "200"));
        assertThat(first.history()).extracting(ProducerRecord::key).doesNotHaveDuplicates().hasSize(2);
        assertThat(afterRestart.history()).isEmpty();
    }

    @Test
    void shouldReportAResponseThatIsNotAFeed() {
        final FeedPoller.Fetch fetch = poller.fetch(url("/broken"));

        assertThat(fetch.ok()).isFalse();
        assertThat(fetch.error()).contains("not an RSS or Atom feed");
    }

    private LiveIngest live(final MockProducer<String, RawArticle> producer, final PublishedLedger ledger, final String path) {
        final Ingestion ingestion = new Ingestion(MockPublishers.publisher(producer), ledger, 100, Ingestion.Listener.NONE);
        return new LiveIngest(List.of(), List.of(url(path)), poller, ingestion);
    }

    private URI url(final String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code fixture}; answers 304 when the request carries {@code validator} (header {@code condition}). */
    private void serve(final HttpExchange ex, final String fixture, final String condition, final String validator,
                       final String validatorHeader) throws IOException {
        final Map<String, String> seen = new java.util.HashMap<>();
        for (String header : List.of("If-None-Match", "If-Modified-Since")) {
            if (ex.getRequestHeaders().getFirst(header) != null) {
                seen.put(header, ex.getRequestHeaders().getFirst(header));
            }
        }
        if (condition != null && validator.equals(ex.getRequestHeaders().getFirst(condition))) {
            seen.put("status", "304");
            requests.add(seen);
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        seen.put("status", "200");
        requests.add(seen);
        final byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/feeds/" + fixture)) {
            body = in.readAllBytes();
        }
        ex.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        if (validatorHeader != null) {
            ex.getResponseHeaders().add(validatorHeader, validator);
        }
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
