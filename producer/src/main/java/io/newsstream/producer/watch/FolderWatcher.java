package io.newsstream.producer.watch;

import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ingest.Ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Publishes the article files of one folder as they appear, by polling: each {@link #scan()}
 * lists the folder (not recursive) and reads every file that is complete and not yet read in its
 * current form.
 *
 * <p><b>Complete</b> means: its size and modification time have not changed for at least
 * {@code settle}, as seen by this watcher's own clock across scans (so clock skew on network file
 * systems does not matter). Writers that cannot guarantee a pause-free write should write to a
 * name the watcher ignores ({@code *.tmp}, {@code *.part}, any other extension, or a name
 * starting with a dot) and rename when done. A file that changes after it was read is read again;
 * the ledger of {@link Ingestion} then skips the articles already published, so appending lines to
 * a {@code .jsonl} file publishes only the new lines. Deleted files are forgotten.
 */
public final class FolderWatcher {

    private final Path dir;
    private final long settleNanos;
    private final LongSupplier nanoTime;
    private final ArticleReader reader;
    private final Ingestion ingestion;
    private final Map<Path, Sighting> seen = new HashMap<>();

    public FolderWatcher(final Path dir, final Duration settle, final LongSupplier nanoTime, final ArticleReader reader,
                         final Ingestion ingestion) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("setting 'watch': not a directory: " + dir);
        }
        this.dir = dir;
        this.settleNanos = settle.toNanos();
        this.nanoTime = nanoTime;
        this.reader = reader;
        this.ingestion = ingestion;
    }

    public Path dir() {
        return dir;
    }

    /** One pass: reads the files that became complete, flushes; returns the files read (sorted). */
    public List<Path> scan() {
        final long now = nanoTime.getAsLong();
        final Map<Path, Stamp> current = list();
        seen.keySet().retainAll(current.keySet());
        final List<Path> ready = new ArrayList<>();
        current.forEach((file, stamp) -> {
            final Sighting before = seen.get(file);
            if (before == null || !before.stamp().equals(stamp)) {
                seen.put(file, new Sighting(stamp, now, false));
            } else if (!before.read() && now - before.since() >= settleNanos) {
                ready.add(file);
            }
        });
        if (ready.isEmpty()) {
            return List.of();
        }
        ready.sort(null);
        for (Path file : ready) {
            reader.read(file, ingestion::offer, ingestion::reject);
        }
        // A failed send is not in the ledger: leave the files unread so the next scan tries again.
        if (ingestion.flush() == 0) {
            ready.forEach(file -> seen.computeIfPresent(file, (f, s) -> new Sighting(s.stamp(), s.since(), true)));
        }
        return ready;
    }

    private Map<Path, Stamp> list() {
        final Map<Path, Stamp> files = new HashMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(ArticleReader::isArticleFile).forEach(file -> {
                try {
                    final BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                    files.put(file, new Stamp(attrs.size(), attrs.lastModifiedTime()));
                } catch (IOException e) {
                    // vanished between listing and reading its attributes: the next scan will tell
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the watched folder " + dir, e);
        }
        return files;
    }

    private record Stamp(long size, FileTime modified) {
    }

    private record Sighting(Stamp stamp, long since, boolean read) {
    }
}
