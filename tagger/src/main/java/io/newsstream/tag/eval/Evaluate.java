package io.newsstream.tag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.tag.Tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scores the tagger against a labelled JSON-lines corpus (format: /work/shared/eval/README.md).
 * Usage: {@code Evaluate FILE.jsonl [--details]}. Prints precision/recall/F1 for the per-article
 * country sets, country-level spans (exact and overlapping) and place-level mentions with the
 * right country; the last line is always {@code article-countries precision=P recall=R f1=F}.
 * Each article's title (when present) is tagged together with its text, as context; scores use
 * the text's mentions only, because the gold offsets and country sets are the text's.
 * The corpus is read at run time and nothing of it is stored.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        boolean details = false;
        for (String arg : args) {
            if (arg.equals("--details")) {
                details = true;
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null) {
            System.err.println("usage: Evaluate FILE.jsonl [--details]");
            System.exit(2);
        }
        run(file, Tagger.fromClasspath(), details, System.out);
    }

    /** Scores every article of {@code file} and prints the report; the last line is the article-country score. */
    static void run(Path file, Tagger tagger, boolean details, PrintStream out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArticleScore.Totals totals = new ArticleScore.Totals();
        int articles = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                GoldArticle gold = GoldArticle.from(json.readTree(line));
                ArticleScore score = new ArticleScore(gold, tagger.tag(gold.title(), gold.text()), totals);
                articles++;
                if (details && !score.notes.isEmpty()) {
                    out.println(gold.id());
                    score.notes.forEach(out::println);
                }
            }
        }
        out.println("articles=" + articles);
        out.println(totals.spansExact.line("country-spans-exact") + " " + totals.spansExact.counts());
        out.println(totals.spansOverlap.line("country-spans-overlap") + " " + totals.spansOverlap.counts());
        out.println(totals.places.line("place-countries") + " " + totals.places.counts());
        out.println("article-countries " + totals.articleCountries.counts());
        out.println(totals.articleCountries.line("article-countries"));
    }
}
