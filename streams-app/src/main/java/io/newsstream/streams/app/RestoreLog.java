package io.newsstream.streams.app;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per store partition restored from its changelog, with the record count: after a
 * clean shutdown the stores are checkpointed and there is nothing (or next to nothing) to restore;
 * after a crash under exactly-once they are rebuilt, and these lines say how much that cost.
 */
final class RestoreLog implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    @Override
    public void onRestoreStart(final TopicPartition partition, final String store, final long startOffset,
                               final long endOffset) {
        LOG.debug("restoring store {} from {} offsets {}..{}", store, partition, startOffset, endOffset);
    }

    @Override
    public void onBatchRestored(final TopicPartition partition, final String store, final long batchEndOffset,
                                final long numRestored) {
        // Progress within a restore is not worth a line; the end is.
    }

    @Override
    public void onRestoreEnd(final TopicPartition partition, final String store, final long totalRestored) {
        LOG.info("restored {} records of store {} from {}", totalRestored, store, partition);
    }
}
