package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the application's topics when they do not exist (the all-time counts topic compacted,
 * the others with cleanup policy delete; all with the given partitions and replication), then
 * validates the ones that existed: a compacted topic that is not compacted is an error (readers
 * rebuilding the table from it would lose keys, or it would grow without bound), fewer or more
 * partitions, a lower replication or another cleanup policy on the other topics are warnings.
 *
 * <p>The delete-policy topics are created without time-based retention ({@code retention.ms=-1}).
 * Their record timestamps are event times (an article's published-at), and the broker deletes
 * a segment once its newest <em>timestamp</em> is older than {@code retention.ms}: with the
 * broker default of 7 days, an archive of older articles would be deleted from the input topic
 * at the next retention check, before the streams app had read it, and lost without a trace.
 * Operators bound these topics by size ({@code retention.bytes}) or set a retention they have
 * thought about; a finite {@code retention.ms} on an existing topic is reported as a warning.
 */
final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    static void ensure(final Admin admin, final TopicNames topics, final int partitions, final short replication) {
        final List<NewTopic> wanted = new ArrayList<>();
        for (Role role : roles(topics)) {
            wanted.add(new NewTopic(role.topic(), partitions, replication).configs(creationConfigs(role)));
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
        final List<String> errors = new ArrayList<>();
        final Map<String, State> states = describe(admin, topics.all());
        for (Role role : roles(topics)) {
            for (Problem p : problems(role, states.get(role.topic()), partitions, replication)) {
                if (p.error()) {
                    errors.add(p.message());
                } else {
                    LOG.warn(p.message());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
    }

    /** Topic configs a role is created with: its cleanup policy, and no time-based deletion (class comment). */
    static Map<String, String> creationConfigs(final Role role) {
        return role.cleanupPolicy().equals(TopicConfig.CLEANUP_POLICY_DELETE)
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, role.cleanupPolicy(), TopicConfig.RETENTION_MS_CONFIG, "-1")
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, role.cleanupPolicy());
    }

    /** Our topics, what each is for, and the cleanup policy it is created with. */
    static List<Role> roles(final TopicNames topics) {
        return List.of(
                new Role(topics.raw(), "input: raw articles from the producer (RawArticle)", TopicConfig.CLEANUP_POLICY_DELETE),
                new Role(topics.cleaned(), "output: cleaned articles (CleanedArticle)", TopicConfig.CLEANUP_POLICY_DELETE),
                new Role(topics.tagged(), "output: tagged articles, each id once (TaggedArticle)", TopicConfig.CLEANUP_POLICY_DELETE),
                new Role(topics.counts(), "output: all-time count per country (CountryCount), a table",
                        TopicConfig.CLEANUP_POLICY_COMPACT),
                new Role(topics.dailyCounts(), "output: final per-day count per country, when the day closes",
                        TopicConfig.CLEANUP_POLICY_DELETE),
                new Role(topics.coMentions(), "output: per country, articles naming it with each other country (CountryTally), a table",
                        TopicConfig.CLEANUP_POLICY_COMPACT),
                new Role(topics.deadLetter(), "output: records that could not be processed, reason in headers",
                        TopicConfig.CLEANUP_POLICY_DELETE));
    }

    /** What is wrong with an existing topic; empty when it matches or does not exist. */
    static List<Problem> problems(final Role role, final State state, final int partitions, final short replication) {
        final List<Problem> problems = new ArrayList<>();
        if (state == null) {
            return problems;
        }
        final List<String> policy = Arrays.asList(state.cleanupPolicy().split(","));
        if (role.cleanupPolicy().equals(TopicConfig.CLEANUP_POLICY_COMPACT) && !policy.contains("compact")) {
            problems.add(new Problem(true, "topic " + role.topic() + " must be compacted (cleanup.policy=compact) but has cleanup.policy="
                    + state.cleanupPolicy() + "; fix it with kafka-configs.sh --alter --entity-type topics --entity-name "
                    + role.topic() + " --add-config cleanup.policy=compact"));
        } else if (!role.cleanupPolicy().equals(state.cleanupPolicy())) {
            problems.add(new Problem(false, "topic " + role.topic() + " has cleanup.policy=" + state.cleanupPolicy()
                    + ", expected " + role.cleanupPolicy()));
        }
        if (state.partitions() != partitions) {
            problems.add(new Problem(false, "topic " + role.topic() + " has " + state.partitions() + " partitions, setting 'partitions' is "
                    + partitions + " (existing topics are not changed)"));
        }
        if (policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) && state.retentionMs() >= 0) {
            problems.add(new Problem(false, "topic " + role.topic() + " has retention.ms=" + state.retentionMs()
                    + ": records are deleted when their timestamp (the article's event time) is older than that, so"
                    + " older articles published now can be deleted before they are processed; prefer retention.ms=-1"
                    + " with retention.bytes"));
        }
        if (state.replication() < replication) {
            problems.add(new Problem(false, "topic " + role.topic() + " has replication factor " + state.replication()
                    + ", setting 'replication-factor' is " + replication));
        }
        return problems;
    }

    /** Partitions, replication and cleanup policy of each named topic that exists. */
    static Map<String, State> describe(final Admin admin, final Collection<String> names) {
        final Map<String, State> states = new LinkedHashMap<>();
        final Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(names).topicNameValues();
        final List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        final Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(resources).values();
        for (String name : names) {
            try {
                final TopicDescription d = descriptions.get(name).get();
                final Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get();
                final ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
                final ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
                states.put(name, new State(d.partitions().size(), d.partitions().get(0).replicas().size(),
                        policy == null ? TopicConfig.CLEANUP_POLICY_DELETE : policy.value(),
                        retention == null ? -1 : Long.parseLong(retention.value())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topic " + name + ": " + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            }
        }
        return states;
    }

    record Role(String topic, String role, String cleanupPolicy) {
    }

    /** An existing topic; {@code retentionMs} -1 means no time-based deletion. */
    record State(int partitions, int replication, String cleanupPolicy, long retentionMs) {
    }

    record Problem(boolean error, String message) {
    }
}
