package io.newsstream.producer.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.schema.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/v1/articles}: ingestion for systems that push. Reads at most {@code maxBytes}
 * of JSON (413 beyond, whatever the server's own request-size setting), validates it (400 naming
 * the field), publishes it as a {@code RawArticle} and answers {@code 202 {"id": ...}} once Kafka
 * acknowledged it, or 503 when Kafka did not within {@code ackTimeout}. Errors are
 * {@code {"status": n, "message": ..., "field": ...}}, the shape of the query API's errors.
 */
public final class IngestHandler implements Handler {

    public static final String PATH = "/api/v1/articles";
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final ArticlePublisher publisher;
    private final Clock clock;
    private final long maxBytes;
    private final Duration ackTimeout;
    private final ArticleRequests requests = new ArticleRequests();
    private final ObjectMapper json = new ObjectMapper();

    public IngestHandler(final ArticlePublisher publisher, final Clock clock, final long maxBytes, final Duration ackTimeout) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("setting 'ingest-max-bytes' must be between 1 and 2 GiB, was " + maxBytes);
        }
        this.publisher = publisher;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.ackTimeout = ackTimeout;
    }

    /** 1 MiB bodies, 15 s for Kafka's acknowledgement. */
    public static IngestHandler withDefaults(final ArticlePublisher publisher) {
        return new IngestHandler(publisher, Clock.systemUTC(), DEFAULT_MAX_BYTES, DEFAULT_ACK_TIMEOUT);
    }

    /** Registers {@code POST /api/v1/articles} on the routes of an app being configured. */
    public void mount(final JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this);
    }

    @Override
    public void handle(final Context ctx) throws IOException {
        final byte[] body = boundedBody(ctx);
        if (body == null) {
            answer(ctx, 413, error(413, "body larger than " + maxBytes + " bytes", null));
            return;
        }
        final RawArticle article;
        try {
            article = requests.parse(body, clock.instant());
        } catch (ArticleRequests.InvalidArticleException e) {
            answer(ctx, 400, error(400, e.getMessage(), e.field()));
            return;
        }
        final ArticlePublisher.Published published = publish(article);
        if (published.ok()) {
            answer(ctx, 202, Map.of("id", article.getId()));
        } else {
            answer(ctx, 503, error(503, "not published, try again: " + published.error(), null));
        }
    }

    /** The body, or null when it is longer than {@code maxBytes}. */
    private byte[] boundedBody(final Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            final byte[] body = in.readNBytes((int) maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }

    private ArticlePublisher.Published publish(final RawArticle article) {
        try {
            return publisher.publish(article).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new ArticlePublisher.Published(article.getId(), article.getTitle(), -1, -1,
                    "Kafka did not acknowledge within " + ackTimeout.toSeconds() + " s");
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("publishing article {} failed", article.getId(), e);
            return new ArticlePublisher.Published(article.getId(), article.getTitle(), -1, -1, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArticlePublisher.Published(article.getId(), article.getTitle(), -1, -1, "interrupted");
        }
    }

    private static Map<String, Object> error(final int status, final String message, final String field) {
        final Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return error;
    }

    private void answer(final Context ctx, final int status, final Map<String, ?> body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }
}
