package io.newsstream.producer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this producer published and Kafka acknowledged, remembered across restarts.
 *
 * <p>File {@code <state-dir>/published.ledger}, UTF-8, append-only, one line per acknowledged
 * article: {@code id TAB sha256-of-content LF} (in ids, backslash, tab, CR and LF are written as
 * {@code \\ \t \r \n}). Lines are appended and fsync'd only after Kafka acknowledged the sends
 * they record, so the ledger never claims an article that is not in Kafka. A line torn by a crash
 * (no final LF) is dropped when the ledger is opened. When an id appears twice, the last line wins.
 * The file is locked while open: two producers cannot share a ledger.
 */
public final class PublishedLedger implements AutoCloseable {

    public static final String FILE_NAME = "published.ledger";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> digests;

    private PublishedLedger(final Path file, final FileChannel channel, final FileLock lock, final Map<String, String> digests) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.digests = digests;
    }

    /** Opens (creating if needed) the ledger in {@code stateDir}. */
    public static PublishedLedger open(final Path stateDir) {
        final Path file = stateDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("another producer is using the ledger " + file
                        + "; give each producer its own --state-dir");
            }
            final Map<String, String> digests = load(channel, file);
            channel.position(channel.size());
            return new PublishedLedger(file, channel, lock, digests);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the ledger " + file + " (setting 'state-dir')", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(final FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The digest recorded for {@code id}, if it was published. */
    public synchronized Optional<String> digest(final String id) {
        return Optional.ofNullable(digests.get(id));
    }

    public synchronized int size() {
        return digests.size();
    }

    public Path file() {
        return file;
    }

    /** Appends {@code entries} and forces them to disk before returning. */
    public synchronized void append(final Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        final StringBuilder lines = new StringBuilder();
        for (Entry e : entries) {
            lines.append(escape(e.id())).append('\t').append(e.sha256()).append('\n');
        }
        try {
            final ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
        entries.forEach(e -> digests.put(e.id(), e.sha256()));
    }

    @Override
    public synchronized void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static Map<String, String> load(final FileChannel channel, final Path file) throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read until full
        }
        final byte[] bytes = buffer.array();
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        if (complete < bytes.length) {
            // A crash tore the last line: its sends were never recorded as acknowledged, so forget it.
            channel.truncate(complete);
        }
        final String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        final Map<String, String> digests = new HashMap<>();
        for (String line : text.split("\n")) {
            final int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                digests.put(unescape(line.substring(0, tab)), line.substring(tab + 1));
            } else if (!line.isEmpty()) {
                throw new IllegalStateException("ledger " + file + " has a malformed line: " + line);
            }
        }
        return digests;
    }

    static String escape(final String id) {
        return id.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(final String id) {
        final StringBuilder out = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            final char c = id.charAt(i);
            if (c == '\\' && i + 1 < id.length()) {
                final char next = id.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void closeQuietly(final FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    /** One acknowledged article: its id and the SHA-256 of its content. */
    public record Entry(String id, String sha256) {
    }
}
