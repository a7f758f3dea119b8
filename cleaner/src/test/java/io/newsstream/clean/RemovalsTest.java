package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemovalsTest {

    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldCountSegmentsAndCharsPerRule() {
        String body = "Home | World | Politics | Markets\n"
                + "Envoys join celebration in Tel Aviv\n"
                + "date 2023-05-28\n"
                + "By DANA REGEV\n"
                + Cleaning.PROSE + "\n"
                + "Advertisement\n"
                + Cleaning.PROSE2 + "\n"
                + Cleaning.PROSE;
        CleanedText article = cleaning.article(body);
        assertThat(article.removals()).containsExactlyInAnyOrder(
                new RuleRemoval("site-chrome", 1, 33),
                new RuleRemoval("metadata-line", 2, 28),
                new RuleRemoval("title-line", 1, 35),
                new RuleRemoval("boilerplate", 1, 13),
                new RuleRemoval("duplicate-paragraph", 1, Cleaning.PROSE.length()));
    }

    @Test
    void shouldReportNoRemovalsForCleanText() {
        assertThat(cleaning.article(Cleaning.PROSE).removals()).isEmpty();
    }

    @Test
    void shouldBeReusableAcrossThreads() throws InterruptedException {
        ArticleCleaner shared = new ArticleCleaner(new CleanerConfig(100_000, 10_000, false));
        String body = "By DANA REGEV\n" + Cleaning.PROSE + "\nShare on Facebook";
        String expected = ((CleanOutcome.Cleaned) shared.clean(new RawText(null, body, null, null))).article().text();
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 500; i++) {
                    CleanOutcome o = shared.clean(new RawText(null, body, null, null));
                    all &= o instanceof CleanOutcome.Cleaned c && c.article().text().equals(expected);
                }
                ok[id] = all;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
    }
}
