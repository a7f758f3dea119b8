package io.newsstream.streams.topology;

import io.newsstream.schema.ContentSighting;
import io.newsstream.schema.TaggedArticle;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets through the first article with a given content, keyed by content fingerprint (so the
 * same story under two ids meets on one partition). Another article with the same fingerprint
 * within {@code lookback} of the first (in event time) is not counted again. Sightings older
 * than the look-back (against stream time) are purged hourly, so the store stays bounded.
 */
final class ContentDedupProcessor extends ContextualFixedKeyProcessor<String, TaggedArticle, TaggedArticle> {

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Duration lookback;
    private KeyValueStore<String, ContentSighting> sightings;

    ContentDedupProcessor(final Duration lookback) {
        this.lookback = lookback;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, TaggedArticle> context) {
        super.init(context);
        sightings = context.getStateStore(StoreNames.CONTENT_SIGHTINGS);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purgeOlderThanLookback);
    }

    @Override
    public void process(final FixedKeyRecord<String, TaggedArticle> record) {
        final Instant eventTime = record.value().getEventTime();
        final ContentSighting first = sightings.get(record.key());
        if (first != null && !first.getArticleId().equals(record.value().getId())
                && Duration.between(first.getEventTime(), eventTime).abs().compareTo(lookback) <= 0) {
            return; // the same story, already counted under another id
        }
        if (first == null || first.getEventTime().isBefore(eventTime.minus(lookback))) {
            sightings.put(record.key(), new ContentSighting(record.value().getId(), eventTime));
        }
        context().forward(record);
    }

    private void purgeOlderThanLookback(final long streamTime) {
        final Instant horizon = Instant.ofEpochMilli(streamTime).minus(lookback);
        final List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ContentSighting> it = sightings.all()) {
            while (it.hasNext()) {
                final KeyValue<String, ContentSighting> kv = it.next();
                if (kv.value.getEventTime().isBefore(horizon)) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(sightings::delete);
    }
}
