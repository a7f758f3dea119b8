package io.newsstream.producer.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsstream.producer.ArticleReader;
import io.newsstream.schema.RawArticle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches RSS 2.0 / Atom feeds with conditional GETs and parses them with Rome.
 *
 * <p>{@link #fetch(URI)} sends {@code If-None-Match} / {@code If-Modified-Since} with the
 * validators ({@code ETag}, {@code Last-Modified}) of the last fetch that was {@link #remember
 * remembered}; a {@code 304} yields no items. The caller remembers a fetch only once its items are
 * safely published, so a fetch whose sends failed is repeated in full next time. Validators are
 * kept in memory: after a restart the first fetch of each feed is unconditional, and the ledger
 * skips the items already published. Feeds larger than {@code maxBytes} are refused.
 */
public final class FeedPoller {

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final long maxBytes;
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();

    public FeedPoller(final HttpClient http, final Clock clock, final Duration timeout, final long maxBytes) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public static FeedPoller withDefaults(final Clock clock) {
        return new FeedPoller(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build(), clock, Duration.ofSeconds(30), 20L * 1024 * 1024);
    }

    /** One conditional GET of {@code feed}; never throws for HTTP, network or parse failures (see {@link Fetch#error()}). */
    public Fetch fetch(final URI feed) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(timeout).GET()
                .header("User-Agent", "newsstream/0.1 (+https://github.com/newsstream)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        final Validators known = validators.get(feed);
        if (known != null && known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        try {
            final HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    return new Fetch(feed, 304, List.of(), List.of(), null, null);
                }
                if (response.statusCode() != 200) {
                    return Fetch.failed(feed, response.statusCode(), "HTTP " + response.statusCode());
                }
                final byte[] bytes = body.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
                if (bytes.length > maxBytes) {
                    return Fetch.failed(feed, 200, "feed larger than " + maxBytes + " bytes");
                }
                final Validators fresh = new Validators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
                return parse(feed, bytes, fresh);
            }
        } catch (IOException e) {
            return Fetch.failed(feed, -1, "cannot fetch: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetch.failed(feed, -1, "interrupted");
        }
    }

    /** Uses the validators of {@code fetch} for the next conditional GET of its feed. */
    public void remember(final Fetch fetch) {
        if (fetch.validators() != null) {
            validators.put(fetch.feed(), fetch.validators());
        }
    }

    private Fetch parse(final URI feed, final byte[] bytes, final Validators fresh) throws IOException {
        final SyndFeed parsed;
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(bytes))) {
            parsed = new SyndFeedInput().build(xml);
        } catch (FeedException | IllegalArgumentException e) {
            return Fetch.failed(feed, 200, "not an RSS or Atom feed: " + e.getMessage());
        }
        final Instant now = clock.instant();
        final List<RawArticle> articles = new ArrayList<>();
        final List<ArticleReader.Rejected> rejected = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            index++;
            try {
                articles.add(FeedItems.toArticle(entry, feed.toString(), now));
            } catch (IllegalArgumentException e) {
                rejected.add(new ArticleReader.Rejected(feed + "#item" + index, e.getMessage()));
            }
        }
        return new Fetch(feed, 200, articles, rejected, fresh, null);
    }

    /** An entity tag and a Last-Modified date, as the server sent them (either may be null). */
    public record Validators(String etag, String lastModified) {
    }

    /**
     * The outcome of one fetch: the status (304: unchanged; -1: no HTTP answer), the items as
     * articles, the items that could not be articles, and the error when the fetch failed.
     */
    public record Fetch(URI feed, int status, List<RawArticle> articles, List<ArticleReader.Rejected> rejected,
                        Validators validators, String error) {

        static Fetch failed(final URI feed, final int status, final String error) {
            return new Fetch(feed, status, List.of(), List.of(), null, error);
        }

        public boolean notModified() {
            return status == 304;
        }

        public boolean ok() {
            return error == null;
        }
    }
}
