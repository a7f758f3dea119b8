package io.newsstream.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.newsstream.streams.config.TopicNames;

/**
 * Creates the application's topics when they do not exist: the compacted all-time counts topic,
 * the others with the given partitions and replication. Existing topics are left as they are.
 */
final class TopicSetup {

    private TopicSetup() {
    }

    static void ensure(final Admin admin, final TopicNames topics, final int partitions, final short replication) {
        final List<NewTopic> wanted = new ArrayList<>();
        for (String name : topics.all()) {
            final NewTopic topic = new NewTopic(name, partitions, replication);
            if (name.equals(topics.counts())) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            wanted.add(topic);
        }
        for (var entry : admin.createTopics(wanted).values().entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }
}
