package io.newsstream.streams.topology;

import io.newsstream.clean.ArticleCleaner;
import io.newsstream.clean.CleanOutcome;
import io.newsstream.clean.CleanedText;
import io.newsstream.clean.RawText;
import io.newsstream.clean.RuleRemoval;
import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.RawArticle;
import io.newsstream.schema.Removal;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Instant;
import java.util.List;

/**
 * Stage 1: raw article → cleaned article. Sets the record timestamp to the article's
 * published-at (from the record, else from a date line the cleaner found), so that every later
 * window counts the article at its event time. Refused articles are thrown as
 * {@link ArticleRejectedException} and end in the dead-letter topic. Counts cleaned articles, the
 * characters each rule removed and the time spent per article ({@link StageMetrics}).
 */
final class CleanProcessor extends ContextualFixedKeyProcessor<String, RawArticle, CleanedArticle> {

    static final String STAGE = "clean";

    private final ArticleCleaner cleaner;
    private StageMetrics metrics;
    private Sensor cleanedSensor;
    private Sensor latencySensor;

    CleanProcessor(final ArticleCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, CleanedArticle> context) {
        super.init(context);
        metrics = new StageMetrics(context.metrics());
        cleanedSensor = metrics.articles("cleaned");
        latencySensor = metrics.latency(STAGE);
    }

    @Override
    public void process(final FixedKeyRecord<String, RawArticle> record) {
        final RawArticle raw = record.value();
        if (raw == null) {
            return; // a tombstone on the input topic deletes nothing we keep
        }
        final long start = System.nanoTime();
        final CleanOutcome outcome = cleaner.clean(new RawText(raw.getTitle(), raw.getBody(), raw.getContentType(), raw.getSource()));
        latencySensor.record(StageMetrics.millisSince(start));
        if (outcome instanceof CleanOutcome.Rejected rejected) {
            throw new ArticleRejectedException(STAGE, rejected.reason().name(),
                    "article " + raw.getId() + ": " + rejected.message());
        }
        final CleanedText text = ((CleanOutcome.Cleaned) outcome).article();
        final Instant publishedAt = raw.getPublishedAt() != null ? raw.getPublishedAt() : text.publishedAt();
        final CleanedArticle cleaned = CleanedArticle.newBuilder()
                .setId(raw.getId())
                .setSource(raw.getSource())
                .setUrl(raw.getUrl())
                .setTitle(text.title())
                .setText(text.text())
                .setAuthor(text.author())
                .setPublishedAt(publishedAt)
                .setFetchedAt(raw.getFetchedAt())
                .setLanguage(text.language())
                .setRemovals(removals(text))
                .build();
        final long eventTime = publishedAt != null ? publishedAt.toEpochMilli() : record.timestamp();
        cleanedSensor.record();
        for (RuleRemoval removal : text.removals()) {
            metrics.recordRemovedChars(removal.rule(), removal.chars());
        }
        context().forward(record.withValue(cleaned).withTimestamp(eventTime));
    }

    private static List<Removal> removals(final CleanedText text) {
        return text.removals().stream()
                .map(r -> new Removal(r.rule(), r.segments(), r.chars()))
                .toList();
    }
}
