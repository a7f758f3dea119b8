package io.newsstream.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsstream.tag.Mention;
import io.newsstream.tag.TagResult;
import io.newsstream.tag.Tagger;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the tagger: any title and text are tagged without an exception, in bounded
 * time, and every mention lies within its string, cuts out exactly its own text, and comes in
 * start order.
 *
 * <p>Input layout: the last byte says whether there is a title; a title of up to 200 characters
 * comes first; the rest is the text. Seeds and past findings live in {@code TaggerFuzzTestInputs/}.
 */
class TaggerFuzzTest {

    private static final Tagger TAGGER = Tagger.fromClasspath();

    @FuzzTest(maxDuration = "20s")
    @DictionaryFile(resourcePath = "/io/newsstream/fuzz/news.dict")
    void shouldTagAnyTextWithMentionsThatCutOutTheirOwnText(final FuzzedDataProvider data) {
        final String title = data.consumeBoolean() ? data.consumeString(200) : null;
        final String text = data.consumeRemainingAsString();

        final long start = System.nanoTime();
        final TagResult result = TAGGER.tag(title, text);
        final Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertSpans(result.title(), title == null ? "" : title);
        assertSpans(result.text(), text);
        final int chars = (title == null ? 0 : title.length()) + text.length();
        assertThat(took).as("tagging %d chars", chars).isLessThan(Bounds.perInput(chars));
    }

    private static void assertSpans(final List<Mention> mentions, final String tagged) {
        int previousStart = 0;
        for (Mention m : mentions) {
            assertThat(m.end()).as("end of %s in a string of %d chars", m, tagged.length()).isLessThanOrEqualTo(tagged.length());
            assertThat(tagged.substring(m.start(), m.end())).as("text of %s", m).isEqualTo(m.text());
            assertThat(m.start()).as("%s in start order", m).isGreaterThanOrEqualTo(previousStart);
            previousStart = m.start();
        }
    }
}
