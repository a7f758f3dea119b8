package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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

    @Test
    void shouldCreateDeletePolicyTopicsWithoutTimeBasedRetentionSoOldArticlesAreNotDeletedUnread() {
        for (TopicSetup.Role role : TopicSetup.roles(TopicNames.defaults())) {
            final Map<String, String> configs = TopicSetup.creationConfigs(role);
            if (role.cleanupPolicy().equals(TopicConfig.CLEANUP_POLICY_DELETE)) {
                assertThat(configs).as(role.topic()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
            } else {
                assertThat(configs).as(role.topic()).doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
            }
        }
    }

    @Test
    void shouldWarnAboutAFiniteRetentionOnAnExistingInputTopic() {
        final TopicSetup.Role raw = TopicSetup.roles(TopicNames.defaults()).get(0);

        final List<TopicSetup.Problem> weekly = TopicSetup.problems(raw,
                new TopicSetup.State(3, 1, TopicConfig.CLEANUP_POLICY_DELETE, 604_800_000L), 3, (short) 1);
        final List<TopicSetup.Problem> unbounded = TopicSetup.problems(raw,
                new TopicSetup.State(3, 1, TopicConfig.CLEANUP_POLICY_DELETE, -1L), 3, (short) 1);

        assertThat(weekly).singleElement().satisfies(p -> {
            assertThat(p.error()).isFalse();
            assertThat(p.message()).contains("retention.ms=604800000", raw.topic());
        });
        assertThat(unbounded).isEmpty();
    }
}
