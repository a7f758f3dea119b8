package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTimerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner(CleanerConfig.defaults());

    @Test
    void shouldReportEveryStageOnceInOrderAndCleanAsWithoutATimer() {
        RawText raw = new RawText(null, "Baku and Ankara sign a deal\n\n" + Cleaning.PROSE + "\n\nShare this article",
                "text/plain", null);
        List<String> stages = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        CleanOutcome timed = cleaner.clean(raw, (stage, n) -> {
            stages.add(stage);
            nanos.add(n);
        });
        assertThat(timed).isEqualTo(cleaner.clean(raw));
        // Plain ASCII text skips the screen.
        assertThat(stages).containsExactly("hygiene-and-paragraphs", "draft", "RepeatedHalfRule",
                "LeakedCodeRule", "MetadataRule", "PatternRule", "SiteChromeRule", "CaptionRule", "RepeatedShapeRule",
                "TitleRule", "AppealRule", "DuplicateRule", "assemble", "language");
        assertThat(nanos).allSatisfy(n -> assertThat(n).isNotNegative());
    }

    @Test
    void shouldReportTheLostPlainAttemptAndTheScreenForTextThatIsNotPlain() {
        RawText raw = new RawText(null, "Baku and Ankara sign a deal\n\n\u201CWe agreed,\u201D " + Cleaning.PROSE,
                "text/plain", null);
        List<String> stages = new ArrayList<>();
        CleanOutcome timed = cleaner.clean(raw, (stage, n) -> stages.add(stage));
        assertThat(timed).isEqualTo(cleaner.clean(raw));
        assertThat(stages).startsWith("plain-attempt", "screen", "hygiene-and-paragraphs", "draft");
    }

    @Test
    void shouldStopReportingWhereARejectedInputStops() {
        List<String> stages = new ArrayList<>();
        CleanOutcome outcome = cleaner.clean(new RawText(null, "   ", "text/plain", null), (stage, n) -> stages.add(stage));
        assertThat(outcome).isInstanceOf(CleanOutcome.Rejected.class);
        assertThat(stages).containsExactly("plain-attempt", "screen");
    }
}
