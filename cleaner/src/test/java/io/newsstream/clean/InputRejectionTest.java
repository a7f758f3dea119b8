package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputRejectionTest {

    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldRejectNullBodyAsEmpty() {
        assertThat(cleaning.rejected(null).reason()).isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldRejectNullRawTextAsEmpty() {
        CleanOutcome outcome = new ArticleCleaner(CleanerConfig.defaults()).clean(null);
        assertThat(outcome).isInstanceOf(CleanOutcome.Rejected.class);
        assertThat(((CleanOutcome.Rejected) outcome).reason()).isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldRejectAsInternalWhenTheCleanerItselfFails() {
        // No known input makes the cleaner fail; a stage timer that throws stands in for a bug.
        ArticleCleaner.StageTimer failing = (stage, nanos) -> {
            throw new IllegalStateException("failed in " + stage);
        };
        CleanOutcome outcome = new ArticleCleaner(CleanerConfig.defaults())
                .clean(new RawText(null, "Ministers met in Baku on Monday.", "text/plain", "test"), failing);
        assertThat(outcome).isInstanceOf(CleanOutcome.Rejected.class);
        CleanOutcome.Rejected rejected = (CleanOutcome.Rejected) outcome;
        assertThat(rejected.reason()).isEqualTo(RejectReason.INTERNAL);
        assertThat(rejected.message()).isEqualTo(
                "cleaner failed on this input: IllegalStateException: failed in hygiene-and-paragraphs");
    }

    @Test
    void shouldRejectWhitespaceOnlyBodyAsEmpty() {
        assertThat(cleaning.rejected(" \n\t\u00A0\r\n  ").reason()).isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldRejectPunctuationOnlyBodyAsEmpty() {
        CleanOutcome.Rejected r = cleaning.rejected("!!! ... ??? --- *** ((( )))");
        assertThat(r.reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(r.message()).contains("no letters");
    }

    @Test
    void shouldRejectOversizedBodyAsTooLargeWithoutReadingIt() {
        String twentyMb = "a".repeat(20_000_000);
        ArticleCleaner cleaner = new ArticleCleaner(new CleanerConfig(2_000_000, 10_000, false));
        RawText raw = new RawText(null, twentyMb, "text/plain", null);
        CleanOutcome outcome = cleaner.clean(raw);
        assertThat(outcome).isInstanceOf(CleanOutcome.Rejected.class);
        CleanOutcome.Rejected r = (CleanOutcome.Rejected) outcome;
        assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(r.message()).contains("20000000").contains("2000000");
        // Reading the body even once per call would take over 10 s for 1,000 calls.
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            cleaner.clean(raw);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldRejectRandomBytesAsBinary() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        String decoded = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(cleaning.rejected(decoded).reason()).isEqualTo(RejectReason.BINARY);
    }

    @Test
    void shouldRejectRandomBytesDecodedAsUtf8AsBinaryOrInvalidEncoding() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        assertThat(cleaning.rejected(decoded).reason()).isIn(RejectReason.BINARY, RejectReason.INVALID_ENCODING);
    }

    @Test
    void shouldRejectTextDominatedByReplacementCharsAsInvalidEncoding() {
        String mangled = "Die Regierung in \uFFFD\uFFFD\uFFFD hat \uFFFD\uFFFD\uFFFD\uFFFD am \uFFFD\uFFFD\uFFFD\uFFFD "
                + "\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD";
        assertThat(cleaning.rejected(mangled).reason()).isEqualTo(RejectReason.INVALID_ENCODING);
    }

    @Test
    void shouldDropAFewReplacementCharsAndKeepTheText() {
        CleanedText article = cleaning.article(Cleaning.PROSE.replace("Tel Aviv", "Tel Aviv\uFFFD"));
        assertThat(article.text()).isEqualTo(Cleaning.PROSE);
        assertThat(article.removals()).contains(new RuleRemoval("control-chars", 1, 1));
    }

    @Test
    void shouldRejectBodyThatIsAllBoilerplate() {
        CleanOutcome.Rejected r = cleaning.rejected("Share on Facebook\nShare on Twitter\nPrint\nAdvertisement\n"
                + "Exit mobile version");
        assertThat(r.reason()).isEqualTo(RejectReason.ALL_BOILERPLATE);
        assertThat(r.message()).contains("boilerplate");
    }

    @Test
    void shouldCleanPlainTextWithNullTitleContentTypeAndSource() {
        CleanedText article = cleaning.article(null, Cleaning.PROSE, null);
        assertThat(article.text()).isEqualTo(Cleaning.PROSE);
        assertThat(article.title()).isNull();
    }
}
