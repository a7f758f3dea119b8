package io.newsstream.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

/** The waits the reliability tests share: a process serving, and every article counted. */
final class Awaits {

    private Awaits() {
    }

    /** Until the process reports ready over HTTP; fails if it dies or takes longer than the timeout. */
    static void ready(final NewsstreamProcess app, final CountsApi api, final Duration timeout)
            throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!api.ready()) {
            assertThat(app.isAlive()).as("streams process alive; log:%n%s", app.tail(40)).isTrue();
            assertThat(System.nanoTime()).as("ready within %s; log:%n%s", timeout, app.tail(40)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Until every id is on the tagged topic and the all-time counts over HTTP equal what the
     * tagged articles name; the tagged articles then. Fails after the timeout.
     */
    static Outputs.Tagged taggedAndCounted(final CountsApi api, final Outputs outputs, final String taggedTopic,
                                           final Set<String> ids, final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            final Outputs.Tagged tagged = outputs.tagged(taggedTopic);
            if (tagged.occurrences().keySet().containsAll(ids)
                    && api.allTimeCounts().filter(tagged.expectedCounts()::equals).isPresent()) {
                return tagged;
            }
            assertThat(System.nanoTime()).as("all %d articles tagged and counted within %s; %d so far", ids.size(),
                    timeout, tagged.occurrences().size()).isLessThan(deadline);
            Thread.sleep(1_000);
        }
    }
}
