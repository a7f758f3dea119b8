package io.newsstream.launcher.reliability;

import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing raw articles from the test, and how far the application has consumed them. */
final class Publishing {

    private Publishing() {
    }

    static ArticlePublisher publisher(final String bootstrap, final String registryUrl, final String topic) {
        return new ArticlePublisher(new ProducerSettings(bootstrap, registryUrl, topic, Map.of()));
    }

    /** Sends and waits for every acknowledgement; fails if any send failed. */
    static void publish(final ArticlePublisher publisher, final List<RawArticle> articles) {
        articles.forEach(publisher::send);
        assertThat(publisher.flush()).allMatch(ArticlePublisher.Published::ok);
    }

    /** Records on {@code topic} not yet committed as consumed by consumer group {@code group}. */
    static long lag(final String bootstrap, final String group, final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            final Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            final int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            final Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                final OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    /** Total records on {@code topic} (sum of the partitions' end offsets). */
    static long endOffsets(final String bootstrap, final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            final int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            final Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }
}
