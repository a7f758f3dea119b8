package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicSetupTest {

    @Test
    void shouldCreateEveryTopicTheTopologyWrites() {
        final TopicNames topics = TopicNames.defaults();

        assertThat(TopicSetup.roles(topics)).extracting(TopicSetup.Role::topic).containsExactlyInAnyOrderElementsOf(topics.all());
    }

    @Test
    void shouldCompactExactlyTheTopicsThatHoldTheLatestValuePerKey() {
        final TopicNames topics = TopicNames.defaults();

        assertThat(TopicSetup.roles(topics)).filteredOn(r -> r.cleanupPolicy().equals(TopicConfig.CLEANUP_POLICY_COMPACT))
                .extracting(TopicSetup.Role::topic).containsExactlyInAnyOrderElementsOf(topics.compacted());
    }
}
