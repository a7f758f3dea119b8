package io.newsstream.producer.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.producer.ArticleDigest;
import io.newsstream.schema.RawArticle;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the JSON body of {@code POST /api/v1/articles} and turns it into a raw article; no
 * I/O. Fields: {@code text} or {@code body} (required, non-blank), {@code id}, {@code title},
 * {@code url} (absolute http/https), {@code source}, {@code publishedAt} (or {@code published};
 * ISO-8601 instant), {@code contentType} ({@code text/plain} or {@code text/html}). Unknown fields
 * are refused, so a misspelt field is reported instead of silently lost. Without an id, the id is
 * {@code post_} and 16 hex digits of the SHA-256 of title and body: posting the same article twice
 * gives the same id, which the streams application counts once.
 */
final class ArticleRequests {

    private static final Set<String> FIELDS = Set.of("id", "title", "text", "body", "url", "source", "publishedAt",
            "published", "contentType");
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/html");
    /** Ids appear in URL paths ({@code /api/v1/articles/{id}}) and in the ledger: printable, no spaces or slashes. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:~@+=-]{1,200}");

    private final ObjectMapper json = new ObjectMapper();

    RawArticle parse(final byte[] body, final Instant now) {
        final JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException(null, "body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidArticleException(null, "cannot read the body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException(null, "body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidArticleException(name, "unknown field '" + name + "'; known fields: " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS)));
            }
        }
        final String text = string(node, "text") != null ? string(node, "text") : string(node, "body");
        if (text == null || text.isBlank()) {
            throw new InvalidArticleException("text", "field 'text' (or 'body') is required and must not be blank");
        }
        final String title = string(node, "title");
        final String id = id(node, title, text);
        return RawArticle.newBuilder()
                .setId(id)
                .setTitle(title)
                .setBody(text)
                .setUrl(url(node))
                .setSource(string(node, "source"))
                .setContentType(contentType(node))
                .setPublishedAt(publishedAt(node))
                .setFetchedAt(now)
                .build();
    }

    private static String id(final JsonNode node, final String title, final String text) {
        final String id = string(node, "id");
        if (id == null) {
            return ArticleDigest.id("post_", title == null ? "" : title, text);
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidArticleException("id", "field 'id' must be 1 to 200 characters of A-Z a-z 0-9 . _ : ~ @ + = -");
        }
        return id;
    }

    private static String url(final JsonNode node) {
        final String url = string(node, "url");
        if (url == null) {
            return null;
        }
        try {
            final URI uri = new URI(url);
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidArticleException("url", "field 'url' must be an absolute http or https URL");
    }

    private static String contentType(final JsonNode node) {
        final String type = string(node, "contentType");
        if (type != null && !CONTENT_TYPES.contains(type)) {
            throw new InvalidArticleException("contentType", "field 'contentType' must be text/plain or text/html");
        }
        return type;
    }

    private static Instant publishedAt(final JsonNode node) {
        final String field = node.has("publishedAt") ? "publishedAt" : "published";
        final String value = string(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException(field, "field '" + field + "' must be an ISO-8601 instant such as "
                    + "2024-05-01T12:00:00Z");
        }
    }

    /** The field's text; null when absent or JSON null; 400 when it is not a string. */
    private static String string(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidArticleException(field, "field '" + field + "' must be a string");
        }
        return value.asText();
    }

    /** A request the API refuses with 400; {@code field} is null when the body as a whole is wrong. */
    static final class InvalidArticleException extends RuntimeException {
        private final String field;

        InvalidArticleException(final String field, final String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
