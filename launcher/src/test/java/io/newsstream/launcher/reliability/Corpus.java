package io.newsstream.launcher.reliability;

import io.newsstream.schema.RawArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated news articles for the reliability tests: a few sentences each naming countries from a
 * fixed list, every article with a unique id and unique text (its number is in the text), so
 * neither id nor content dedup may legitimately drop one. Deterministic for a given seed.
 */
final class Corpus {

    private static final String[] COUNTRIES = {"Azerbaijan", "Israel", "France", "Germany", "Japan", "Brazil", "Kenya",
        "Canada", "Norway", "Egypt", "India", "Mexico", "Poland", "Vietnam", "Argentina", "Australia"};
    private static final String[] SENTENCES = {
        "Officials in %s met envoys from %s on Tuesday to discuss a new energy agreement.",
        "The foreign minister of %s said talks with %s would continue next week in a neutral venue.",
        "Trade between %s and %s grew last year, according to figures published by the statistics office.",
        "Analysts expect %s to raise its interest rate, while the central bank of %s is likely to wait.",
        "A delegation from %s arrived to sign a cultural exchange programme with %s.",
        "Farmers in %s are worried about cheaper imports from %s after the tariff cut.",
    };

    private Corpus() {
    }

    /** {@code count} articles with ids {@code prefix-00000}, {@code prefix-00001}, ... */
    static List<RawArticle> articles(final String prefix, final int count, final long seed) {
        final Random random = new Random(seed);
        final Instant now = Instant.now();
        final List<RawArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final String first = pick(random);
            final String second = pick(random);
            final StringBuilder body = new StringBuilder();
            body.append("Report ").append(i).append(" from our correspondent, filed for the ").append(prefix)
                    .append(" desk.\n\n");
            final int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                body.append(String.format(SENTENCES[random.nextInt(SENTENCES.length)], pick(random), pick(random)))
                        .append(s % 2 == 1 ? "\n\n" : " ");
            }
            body.append("Negotiators said item ").append(i * 7919 % 100_003).append(" on the agenda remained open.");
            out.add(RawArticle.newBuilder()
                    .setId(String.format("%s-%05d", prefix, i))
                    .setSource("corpus:" + prefix)
                    .setTitle("Talks between " + first + " and " + second + " resume, round " + i)
                    .setBody(body.toString())
                    .setContentType("text/plain")
                    .setPublishedAt(now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))))
                    .setFetchedAt(now)
                    .build());
        }
        return out;
    }

    private static String pick(final Random random) {
        return COUNTRIES[random.nextInt(COUNTRIES.length)];
    }

    /** The ids of the articles, in order. */
    static Set<String> ids(final List<RawArticle> articles) {
        final Set<String> ids = new TreeSet<>();
        articles.forEach(a -> ids.add(a.getId()));
        return ids;
    }
}
