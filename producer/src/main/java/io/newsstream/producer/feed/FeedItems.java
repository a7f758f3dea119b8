package io.newsstream.producer.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import io.newsstream.producer.ArticleDigest;
import io.newsstream.schema.RawArticle;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one RSS or Atom item into a raw article, without any I/O.
 *
 * <p>Id: {@code feed_} and the first 16 hex digits of the SHA-256 of the item's guid (RSS) or id
 * (Atom), else of its link: stable across polls and restarts, and safe in a URL path, which raw
 * guids (often URLs themselves) are not. Body: the item's full content ({@code content:encoded},
 * Atom {@code content}) when present, else its description/summary; {@code text/html} unless the
 * feed declares plain text. Published-at: the item's published date, else its updated date.
 */
final class FeedItems {

    /**
     * A tag of an element that feed markup uses, opening or closing, as a whole name ({@code <p>},
     * {@code <br/>}, {@code <a href=...>}, {@code </em>}). Any {@code <word>} would not do: wire copy
     * marks tickers that way ("Standard Oil Co <SRD>"), and parsed as HTML the ticker would be lost.
     */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*/?\\s*(?i:p|br|a|b|i|u|em|strong|span|div|img"
            + "|ul|ol|li|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|hr|pre|code|sup|sub|small|iframe|script|style"
            + "|section|article|header|footer|nav|aside|html|body)(?=[\\s/>])[^>]*>");

    private FeedItems() {
    }

    /** The item as an article; IllegalArgumentException naming what is missing when it cannot be one. */
    static RawArticle toArticle(final SyndEntry entry, final String feedUrl, final Instant fetchedAt) {
        final String key = firstNonBlank(entry.getUri(), entry.getLink());
        if (key == null) {
            throw new IllegalArgumentException("item '" + entry.getTitle() + "' has neither guid/id nor link");
        }
        final List<SyndContent> contents = entry.getContents().stream()
                .filter(c -> c.getValue() != null && !c.getValue().isBlank()).toList();
        final SyndContent description = entry.getDescription();
        final String body;
        final String type;
        if (!contents.isEmpty()) {
            body = contents.stream().map(SyndContent::getValue).collect(Collectors.joining("\n"));
            type = contents.get(0).getType();
        } else if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            body = description.getValue();
            type = description.getType();
        } else {
            throw new IllegalArgumentException("item " + key + " has no description or content");
        }
        return RawArticle.newBuilder()
                .setId(ArticleDigest.id("feed_", key))
                .setSource(feedUrl)
                .setUrl(firstNonBlank(entry.getLink(), key.startsWith("http") ? key : null))
                .setTitle(blankToNull(entry.getTitle()))
                .setBody(body)
                .setContentType(contentType(type, body))
                .setPublishedAt(instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()))
                .setFetchedAt(fetchedAt)
                .build();
    }

    static String contentType(final String declared, final String body) {
        final String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
        if (t.equals("text") || t.equals("text/plain")) {
            return "text/plain";
        }
        if (t.contains("html")) {
            return "text/html";
        }
        return LOOKS_LIKE_HTML.matcher(body).find() ? "text/html" : "text/plain";
    }

    private static Instant instant(final Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String firstNonBlank(final String a, final String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }

    private static String blankToNull(final String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
