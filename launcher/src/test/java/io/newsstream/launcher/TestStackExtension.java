package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestStack} for one test class: started before the class's {@code @BeforeAll} methods,
 * closed after its {@code @AfterAll} methods (so a class can start and stop its own app on it).
 *
 * <pre>{@code @RegisterExtension
 * static final TestStackExtension STACK = TestStackExtension.singleNode(TOPICS);}</pre>
 */
public final class TestStackExtension implements BeforeAllCallback, AfterAllCallback {

    /** Starts the stack; may throw whatever starting a cluster throws. */
    @FunctionalInterface
    private interface Starter {
        TestStack start() throws Exception;
    }

    private final Starter starter;
    private TestStack stack;

    private TestStackExtension(final Starter starter) {
        this.starter = starter;
    }

    /** {@link TestStack#singleNode(TopicNames)}. */
    public static TestStackExtension singleNode(final TopicNames topics) {
        return new TestStackExtension(() -> TestStack.singleNode(topics));
    }

    /** {@link TestStack#singleNode(TopicNames, int)}. */
    public static TestStackExtension singleNode(final TopicNames topics, final int partitions) {
        return new TestStackExtension(() -> TestStack.singleNode(topics, partitions));
    }

    /** {@link TestStack#threeBrokers(TopicNames)}. */
    public static TestStackExtension threeBrokers(final TopicNames topics) {
        return new TestStackExtension(() -> TestStack.threeBrokers(topics));
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        stack = starter.start();
    }

    @Override
    public void afterAll(final ExtensionContext context) throws Exception {
        if (stack != null) {
            try {
                stack.close();
            } finally {
                stack = null;
            }
        }
    }

    /** {@link TestStack#cluster()}. */
    public KafkaClusterTestKit cluster() {
        return started().cluster();
    }

    /** {@link TestStack#bootstrapServers()}. */
    public String bootstrapServers() {
        return started().bootstrapServers();
    }

    /** {@link TestStack#registryUrl()}. */
    public String registryUrl() {
        return started().registryUrl();
    }

    private TestStack started() {
        if (stack == null) {
            throw new IllegalStateException("the stack runs from the class's first @BeforeAll to its last @AfterAll");
        }
        return stack;
    }
}
