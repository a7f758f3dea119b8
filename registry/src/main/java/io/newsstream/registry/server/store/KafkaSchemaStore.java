package io.newsstream.registry.server.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in a compacted single-partition Kafka topic (default {@code _schemas}),
 * which is the source of truth: a background thread reads the topic into a {@link StoreState};
 * a write is acknowledged by all in-sync replicas (idempotent producer, acks=all) and then read
 * back up to its own offset before {@link #append} returns, so what a caller was told is what
 * any server reading the topic will see. Start-up reads the whole topic, so ids and versions
 * survive restarts.
 */
public final class KafkaSchemaStore extends LocalViewStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final TopicPartition partition;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final StoreRecordCodec codec = new StoreRecordCodec();
    private final Object writeLock = new Object();
    private final Thread reader;
    private long position;
    private volatile boolean running = true;

    private KafkaSchemaStore(String bootstrapServers, String topic, Map<String, String> clientProperties) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        String clientId = "newsstream-registry-" + UUID.randomUUID().toString().substring(0, 8);
        this.admin = Admin.create(adminProperties(bootstrapServers, clientProperties, clientId));
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, clientProperties, clientId));
        this.consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers, clientProperties, clientId));
        this.reader = new Thread(this::readLoop, "schema-store-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic if missing, reads it to the end and returns the ready store.
     *
     * @param clientProperties extra Kafka client settings (TLS, SASL) for admin, producer and consumer
     */
    public static KafkaSchemaStore open(String bootstrapServers, String topic, int replicationFactor,
                                        Map<String, String> clientProperties) {
        KafkaSchemaStore store = new KafkaSchemaStore(bootstrapServers, topic, clientProperties);
        try {
            store.createTopicIfMissing(replicationFactor);
            store.consumer.assign(List.of(store.partition));
            store.consumer.seekToBeginning(List.of(store.partition));
            store.reader.start();
            store.sync();
            LOG.info("Schema store ready on topic {} ({} schemas)", topic, store.maxId());
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void sync() {
        awaitPosition(endOffset());
    }

    @Override
    public boolean append(SchemaRecord record) {
        synchronized (writeLock) {
            long offset = send(codec.schemaKey(record.subject(), record.version()), codec.schemaValue(record));
            awaitPosition(offset + 1);
            SchemaRecord winner;
            synchronized (this) {
                winner = state.version(record.subject(), record.version());
            }
            if (record.equals(winner)) {
                return true;
            }
            if (winner != null) {
                // Another server took this version first. Re-write its record so compaction,
                // which keeps the last value per key, keeps the winner rather than ours.
                LOG.warn("Concurrent registration of {} v{}; keeping id {}", record.subject(), record.version(), winner.id());
                send(codec.schemaKey(winner.subject(), winner.version()), codec.schemaValue(winner));
            }
            return false;
        }
    }

    @Override
    public void putCompatibility(String subject, String level) {
        synchronized (writeLock) {
            long offset = send(codec.configKey(subject), level == null ? null : codec.configValue(level));
            awaitPosition(offset + 1);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (reader.getState() == Thread.State.NEW) {
            consumer.close();
        } else {
            try {
                reader.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private void readLoop() {
        try {
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Schema store reader woken up unexpectedly", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        try {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            long next = consumer.position(partition);
            synchronized (this) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    codec.apply(state, record.key(), record.value());
                }
                position = next;
                notifyAll();
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Keep reading: a broker outage must not kill the registry; requests time out instead.
            LOG.warn("Reading topic {} failed, retrying: {}", topic, e.toString());
            sleepQuietly();
        }
    }

    private synchronized void awaitPosition(long target) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (position < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StoreException("Timed out after " + TIMEOUT.toSeconds() + " s reading topic "
                        + topic + " up to offset " + target + " (at " + position + ")");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while reading topic " + topic, e);
            }
        }
    }

    private long send(byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing to topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("Could not write to topic " + topic + ": " + rootMessage(e), e);
        }
    }

    private long endOffset() {
        // Right after the topic is created, brokers may not know it yet: metadata propagates
        // asynchronously, so UnknownTopicOrPartition is retried until TIMEOUT.
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while reading the end of topic " + topic, e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new StoreException("Could not read the end offset of topic " + topic + ": " + rootMessage(e), e);
                }
                pauseBeforeRetry();
            } catch (TimeoutException e) {
                throw new StoreException("Could not read the end offset of topic " + topic + ": " + rootMessage(e), e);
            }
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for topic " + topic, e);
        }
    }

    private void createTopicIfMissing(int replicationFactor) {
        try {
            if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.max(1, Math.min(replicationFactor, brokers));
            if (replicas < replicationFactor) {
                LOG.warn("Creating topic {} with replication factor {}, below the configured {}: only {} broker(s)",
                        topic, replicas, replicationFactor, brokers);
            }
            NewTopic newTopic = new NewTopic(topic, 1, replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created compacted topic {} (replication factor {})", topic, replicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StoreException("Could not create topic " + topic + ": " + rootMessage(e), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new StoreException("Kafka did not answer within " + TIMEOUT.toSeconds()
                    + " s while preparing topic " + topic + "; is bootstrap.servers right?", e);
        }
    }

    private static Map<String, Object> common(String bootstrapServers, Map<String, String> extra, String clientId) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private static Map<String, Object> adminProperties(String bootstrap, Map<String, String> extra, String clientId) {
        return common(bootstrap, extra, clientId + "-admin");
    }

    private static Map<String, Object> producerProperties(String bootstrap, Map<String, String> extra, String clientId) {
        Map<String, Object> props = common(bootstrap, extra, clientId + "-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private static Map<String, Object> consumerProperties(String bootstrap, Map<String, String> extra, String clientId) {
        Map<String, Object> props = common(bootstrap, extra, clientId + "-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
