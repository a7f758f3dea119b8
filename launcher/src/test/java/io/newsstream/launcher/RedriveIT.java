package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.topology.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code newsstream redrive} on a real broker: dead letters go back to their source topic once. */
@Tag("integration")
class RedriveIT {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestClusters.singleNode();
        TestClusters.createTopics(cluster.bootstrapServers(), TOPICS, (short) 1);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void shouldSendDeadLettersBackToTheirSourceTopicOnceWithTheirOriginalBytes() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(deadLetter("a1", "clean", "fixed article bytes")).get();
            producer.send(deadLetter("a2", "deserialize", "still garbage")).get();
        }

        assertThat(redrive("--stage", "clean")).isZero();
        assertThat(redrive("--stage", "clean")).isZero(); // nothing new: each dead letter goes back once

        final List<ConsumerRecord<byte[], byte[]>> raw = readAll(TOPICS.raw());
        assertThat(raw).hasSize(1);
        assertThat(new String(raw.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("a1");
        assertThat(new String(raw.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("fixed article bytes");
        assertThat(raw.get(0).headers().lastHeader(RedriveCommand.REDRIVEN_FROM)).isNotNull();
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(final String key, final String stage, final String value) {
        final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPICS.deadLetter(), key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.TOPIC, TOPICS.raw().getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.STAGE, stage.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.REASON, "TEST".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static int redrive(final String... extra) {
        final List<String> args = new ArrayList<>(List.of("redrive", "--bootstrap-servers", cluster.bootstrapServers()));
        args.addAll(List.of(extra));
        return Newsstream.commandLine().execute(args.toArray(String[]::new));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(final String topic) {
        return TopicRecords.readAll(cluster.bootstrapServers(), topic);
    }
}
