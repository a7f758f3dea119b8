package io.newsstream.streams.topology;

import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.Entity;
import io.newsstream.schema.EntityType;
import io.newsstream.schema.MentionKind;
import io.newsstream.schema.Section;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.tag.EntityKind;
import io.newsstream.tag.Mention;
import io.newsstream.tag.TagResult;
import io.newsstream.tag.Tagger;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 2: cleaned article → tagged article. Entities of the title and of the text keep offsets
 * into their own section; {@code countries} sums the country mentions of both (what the counts
 * add up), {@code places} the place mentions per country (kept apart, never counted as countries).
 * Counts tagged articles and the time spent per article ({@link StageMetrics}).
 */
final class TagProcessor extends ContextualFixedKeyProcessor<String, CleanedArticle, TaggedArticle> {

    static final String STAGE = "tag";

    private final Tagger tagger;
    private Sensor taggedSensor;
    private Sensor latencySensor;

    TagProcessor(final Tagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, TaggedArticle> context) {
        super.init(context);
        final StageMetrics metrics = new StageMetrics(context.metrics());
        taggedSensor = metrics.articles("tagged");
        latencySensor = metrics.latency(STAGE);
    }

    @Override
    public void process(final FixedKeyRecord<String, CleanedArticle> record) {
        final CleanedArticle article = record.value();
        final long start = System.nanoTime();
        final TagResult result = tagger.tag(article.getTitle(), article.getText());
        latencySensor.record(StageMetrics.millisSince(start));
        final List<Entity> entities = new ArrayList<>(result.title().size() + result.text().size());
        final Map<String, Integer> countries = new TreeMap<>();
        final Map<String, Integer> places = new TreeMap<>();
        collect(result.title(), Section.TITLE, entities, countries, places);
        collect(result.text(), Section.TEXT, entities, countries, places);
        final TaggedArticle tagged = TaggedArticle.newBuilder()
                .setId(article.getId())
                .setSource(article.getSource())
                .setUrl(article.getUrl())
                .setTitle(article.getTitle())
                .setText(article.getText())
                .setAuthor(article.getAuthor())
                .setLanguage(article.getLanguage())
                .setPublishedAt(article.getPublishedAt())
                .setEventTime(Instant.ofEpochMilli(record.timestamp()))
                .setEntities(entities)
                .setCountries(countries)
                .setPlaces(places)
                .build();
        taggedSensor.record();
        context().forward(record.withValue(tagged));
    }

    private static void collect(final List<Mention> mentions, final Section section, final List<Entity> entities,
                                final Map<String, Integer> countries, final Map<String, Integer> places) {
        for (Mention m : mentions) {
            entities.add(Entity.newBuilder()
                    .setType(EntityType.valueOf(m.type().name()))
                    .setText(m.text())
                    .setSection(section)
                    .setStart(m.start())
                    .setEnd(m.end())
                    .setId(m.id())
                    .setCountry(m.country())
                    .setKind(MentionKind.valueOf(m.kind().name()))
                    .build());
            if (m.country() != null && m.type() == EntityKind.COUNTRY) {
                countries.merge(m.country(), 1, Integer::sum);
            } else if (m.country() != null && m.type() == EntityKind.PLACE) {
                places.merge(m.country(), 1, Integer::sum);
            }
        }
    }
}
