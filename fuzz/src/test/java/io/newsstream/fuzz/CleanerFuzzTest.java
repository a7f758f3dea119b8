package io.newsstream.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsstream.clean.ArticleCleaner;
import io.newsstream.clean.CleanOutcome;
import io.newsstream.clean.CleanerConfig;
import io.newsstream.clean.RawText;
import io.newsstream.clean.RejectReason;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the cleaner: any title, body, content type and source give a
 * {@link CleanOutcome} in bounded time. {@code clean} already turns a runtime failure into a
 * rejection, so a rejection that names an internal failure is a finding too: the cleaner
 * crashed on text it should have handled.
 *
 * <p>Input layout (so that a plain article file is a useful seed): the last bytes choose the
 * content type and whether there is a title; a title of up to 200 characters comes first; the
 * rest is the body. Seeds and past findings live in {@code CleanerFuzzTestInputs/}.
 */
class CleanerFuzzTest {

    private static final ArticleCleaner CLEANER = new ArticleCleaner(CleanerConfig.defaults());
    private static final String[] CONTENT_TYPES = {null, "text/plain", "text/html", "text/html; charset=utf-8", "application/xml"};

    @FuzzTest(maxDuration = "20s")
    @DictionaryFile(resourcePath = "/io/newsstream/fuzz/news.dict")
    void shouldCleanAnyArticleWithoutFailingInBoundedTime(final FuzzedDataProvider data) {
        final String contentType = data.pickValue(CONTENT_TYPES);
        final String title = data.consumeBoolean() ? data.consumeString(200) : null;
        final String body = data.consumeRemainingAsString();

        final long start = System.nanoTime();
        final CleanOutcome outcome = CLEANER.clean(new RawText(title, body, contentType, "fuzz"));
        final Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome).isNotNull();
        if (outcome instanceof CleanOutcome.Rejected rejected) {
            assertThat(rejected.reason()).as("an internal failure turned into a rejection: %s", rejected.message())
                    .isNotEqualTo(RejectReason.INTERNAL);
        } else {
            assertThat(((CleanOutcome.Cleaned) outcome).article().text()).isNotBlank();
        }
        assertThat(took).as("cleaning %d chars", body.length()).isLessThan(Bounds.perInput(body.length()));
    }
}
