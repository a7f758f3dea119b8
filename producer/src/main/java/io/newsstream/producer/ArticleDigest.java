package io.newsstream.producer;

import io.newsstream.schema.RawArticle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 digests of article content, for the published-articles ledger and for ids derived
 * from content. The digest covers what a reader sees (title, body, content type, URL,
 * published-at) and leaves out where and when the producer found it (source, fetched-at), so
 * moving a file or fetching a feed again does not make an article look changed.
 */
public final class ArticleDigest {

    private static final HexFormat HEX = HexFormat.of();

    private ArticleDigest() {
    }

    /** Lower-case hex SHA-256 of the article's content fields. */
    public static String of(final RawArticle article) {
        final Instant published = article.getPublishedAt();
        return sha256Hex(String.join("\u0000", field(article.getTitle()), article.getBody(), field(article.getContentType()),
                field(article.getUrl()), published == null ? "\u0001" : Long.toString(published.toEpochMilli())));
    }

    /** {@code prefix} followed by the first 16 hex digits of the SHA-256 of {@code parts}: a short, stable id. */
    public static String id(final String prefix, final String... parts) {
        final String joined = String.join("\u0000", parts);
        return prefix + sha256Hex(joined).substring(0, 16);
    }

    public static String sha256Hex(final String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String field(final String value) {
        return value == null ? "\u0001" : value;
    }
}
