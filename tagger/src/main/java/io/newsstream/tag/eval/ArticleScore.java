package io.newsstream.tag.eval;

import io.newsstream.tag.EntityKind;
import io.newsstream.tag.Mention;
import io.newsstream.tag.TagResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one article's tags with its gold labels and adds the counts to the running totals;
 * keeps human-readable notes on every miss and false alarm for {@code --details}.
 */
final class ArticleScore {

    private static final int CONTEXT_CHARS = 40;

    final List<String> notes = new ArrayList<>();

    ArticleScore(GoldArticle gold, TagResult result, Totals totals) {
        // The gold country set is the set of the text's country-level mentions, so only text
        // mentions count here; the title was tagged with the text and served as context.
        Set<String> predicted = new TreeSet<>();
        for (Mention m : result.text()) {
            if (m.type() == EntityKind.COUNTRY) {
                predicted.add(m.country());
            }
        }
        scoreCountrySet(gold, predicted, totals.articleCountries);
        scoreCountrySpans(gold, result.text(), totals);
        scorePlaces(gold, result.text(), totals.places);
    }

    private void scoreCountrySet(GoldArticle gold, Set<String> predicted, Prf prf) {
        int tp = 0;
        for (String code : predicted) {
            if (gold.countries().contains(code)) {
                tp++;
            } else {
                notes.add("  FP country " + code);
            }
        }
        for (String code : gold.countries()) {
            if (!predicted.contains(code)) {
                notes.add("  FN country " + code);
            }
        }
        prf.add(tp, predicted.size() - tp, gold.countries().size() - tp);
    }

    private void scoreCountrySpans(GoldArticle gold, List<Mention> mentions, Totals totals) {
        List<GoldArticle.GoldMention> golds = gold.mentions().stream().filter(GoldArticle.GoldMention::countryLevel)
                .toList();
        List<Mention> predicted = mentions.stream().filter(m -> m.type() == EntityKind.COUNTRY).toList();
        int exact = 0;
        int overlapPredicted = 0;
        for (Mention p : predicted) {
            boolean hitExact = false;
            boolean hitOverlap = false;
            for (GoldArticle.GoldMention g : golds) {
                if (p.country().equals(g.country()) && overlaps(p.start(), p.end(), g.start(), g.end())) {
                    hitOverlap = true;
                    hitExact |= p.start() == g.start() && p.end() == g.end();
                }
            }
            exact += hitExact ? 1 : 0;
            overlapPredicted += hitOverlap ? 1 : 0;
            if (!hitOverlap) {
                notes.add("  false alarm " + p.country() + " '" + p.text() + "' " + p.kind() + " @" + p.start() + "  "
                        + context(gold.text(), p.start(), p.end()));
            }
        }
        int overlapGold = 0;
        for (GoldArticle.GoldMention g : golds) {
            boolean found = false;
            for (Mention p : predicted) {
                found |= p.country().equals(g.country()) && overlaps(p.start(), p.end(), g.start(), g.end());
            }
            overlapGold += found ? 1 : 0;
            if (!found) {
                notes.add("  miss " + g.country() + " '" + g.text() + "' @" + g.start() + "  "
                        + context(gold.text(), g.start(), g.end()));
            }
        }
        totals.spansExact.add(exact, predicted.size() - exact, golds.size() - exact);
        totals.spansOverlap.add(overlapPredicted, predicted.size() - overlapPredicted, golds.size() - overlapGold);
    }

    private static void scorePlaces(GoldArticle gold, List<Mention> mentions, Prf prf) {
        List<GoldArticle.GoldMention> golds = gold.mentions().stream().filter(GoldArticle.GoldMention::placeLevel)
                .toList();
        List<Mention> predicted = mentions.stream().filter(m -> m.type() == EntityKind.PLACE).toList();
        int tpPredicted = 0;
        for (Mention p : predicted) {
            boolean ok = false;
            for (GoldArticle.GoldMention g : golds) {
                ok |= p.country().equals(g.country()) && overlaps(p.start(), p.end(), g.start(), g.end());
            }
            tpPredicted += ok ? 1 : 0;
        }
        int tpGold = 0;
        for (GoldArticle.GoldMention g : golds) {
            boolean ok = false;
            for (Mention p : predicted) {
                ok |= p.country().equals(g.country()) && overlaps(p.start(), p.end(), g.start(), g.end());
            }
            tpGold += ok ? 1 : 0;
        }
        prf.add(tpPredicted, predicted.size() - tpPredicted, golds.size() - tpGold);
    }

    private static boolean overlaps(int s1, int e1, int s2, int e2) {
        return s1 < e2 && s2 < e1;
    }

    private static String context(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        return ("…" + text.substring(from, start) + "[" + text.substring(start, end) + "]" + text.substring(end, to) + "…")
                .replaceAll("\\s+", " ");
    }

    /** Running totals over the corpus. */
    static final class Totals {
        final Prf articleCountries = new Prf();
        final Prf spansExact = new Prf();
        final Prf spansOverlap = new Prf();
        final Prf places = new Prf();
    }
}
