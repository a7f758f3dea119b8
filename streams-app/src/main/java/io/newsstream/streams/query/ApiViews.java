package io.newsstream.streams.query;

import io.newsstream.schema.Entity;
import io.newsstream.schema.TaggedArticle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the public query API (rendered by Jackson from these records). */
public final class ApiViews {

    private ApiViews() {
    }

    /** One row of the top-countries list. */
    public record CountryCountView(String country, String name, long count) {
    }

    /** One country's totals and the places of it that were named. */
    public record CountryView(String country, String name, long total, long last24h, long last7d,
                              Map<String, Long> places) {
    }

    /** A dense series of windowed counts. */
    public record TimelineView(String country, String interval, Instant from, Instant to, List<PointView> points) {
    }

    /** One window of a timeline. */
    public record PointView(Instant start, long count) {
    }

    /** A reference to an article in a list. */
    public record ArticleRefView(String id, String title, Instant eventTime) {
    }

    /** One page of a paginated list of articles; {@code nextCursor} is null on the last page. */
    public record ArticlePageView(List<ArticleRefView> articles, String nextCursor) {
    }

    /** An entity with its offsets into {@code section} ("TITLE" or "TEXT"). */
    public record EntityView(String type, String text, String section, int start, int end, String id, String country,
                             String kind) {
        static EntityView of(final Entity e) {
            return new EntityView(e.getType().name(), e.getText(), e.getSection().name(), e.getStart(), e.getEnd(),
                    e.getId(), e.getCountry(), e.getKind().name());
        }
    }

    /** A tagged article: every count it contributed can be traced to a span in {@code entities}. */
    public record ArticleView(String id, String title, String author, String source, String url, String language,
                              Instant publishedAt, Instant eventTime, String text, Map<String, Integer> countries,
                              Map<String, Integer> places, List<EntityView> entities) {
        static ArticleView of(final TaggedArticle a) {
            return new ArticleView(a.getId(), a.getTitle(), a.getAuthor(), a.getSource(), a.getUrl(), a.getLanguage(),
                    a.getPublishedAt(), a.getEventTime(), a.getText(), a.getCountries(), a.getPlaces(),
                    a.getEntities().stream().map(EntityView::of).toList());
        }
    }

    /** Every error answer: the HTTP status and a message naming what to fix. */
    public record ErrorView(int status, String message) {
    }
}
