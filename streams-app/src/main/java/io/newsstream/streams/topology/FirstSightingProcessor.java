package io.newsstream.streams.topology;

import io.newsstream.schema.TaggedArticle;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 3: lets each article id through once. The first tagged version of an article is stored
 * in {@link StoreNames#ARTICLES} (the store the article view reads) and forwarded to be counted;
 * a re-published article with an id already stored is dropped, so re-publishing never changes a
 * count. Runs on the partition of the article id, so the check and the write are atomic per id;
 * under exactly-once the store and the counts commit together.
 */
final class FirstSightingProcessor extends ContextualFixedKeyProcessor<String, TaggedArticle, TaggedArticle> {

    private KeyValueStore<String, TaggedArticle> articles;

    @Override
    public void init(final FixedKeyProcessorContext<String, TaggedArticle> context) {
        super.init(context);
        articles = context.getStateStore(StoreNames.ARTICLES);
    }

    @Override
    public void process(final FixedKeyRecord<String, TaggedArticle> record) {
        if (articles.get(record.key()) != null) {
            return;
        }
        articles.put(record.key(), record.value());
        context().forward(record);
    }
}
