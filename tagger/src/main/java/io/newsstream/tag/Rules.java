package io.newsstream.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written rule data under a classpath prefix (default {@code rules/}); each file's
 * format is documented in {@code rules/README.md}. Immutable.
 */
final class Rules {

    /** A context cue row: evidence for (weight &gt; 0) or against a country reading. */
    record Cue(String code, int weight, CueScope scope, List<String> words) {
    }

    /** An organisation head word and its flags. */
    record OrgHead(String word, Set<String> flags) {
    }

    /** Extra codes an ambiguous knowledge-base surface may stand for, by surface. */
    final Map<String, List<String>> sharedNames;
    final List<String> personTitles;
    final List<OrgHead> orgHeads;
    final List<Cue> cues;
    final List<String> blocks;
    final List<String> firstNames;
    final List<String> reportVerbs;
    final List<String> nonNameWords;
    final List<String> nameParticles;
    final List<String> languageBefore;
    final List<String> languageBeforeWeak;
    final List<String> languageAfter;

    private Rules(String prefix) {
        Map<String, List<String>> shared = new HashMap<>();
        for (String[] row : Tsv.require(prefix + "shared-names.tsv", 2)) {
            shared.put(row[0], Tsv.values(row[1]));
        }
        sharedNames = Map.copyOf(shared);
        personTitles = Tsv.lines(prefix + "person-titles.txt");
        orgHeads = new ArrayList<>();
        for (String[] row : Tsv.require(prefix + "org-heads.tsv", 2)) {
            orgHeads.add(new OrgHead(row[0], Tsv.flags(row[1])));
        }
        cues = new ArrayList<>();
        for (String[] row : Tsv.require(prefix + "context-cues.tsv", 4)) {
            cues.add(new Cue(row[0], Integer.parseInt(row[1].replace("+", "")),
                    CueScope.valueOf(row[2].toUpperCase(Locale.ROOT)), Tsv.values(row[3])));
        }
        blocks = Tsv.lines(prefix + "blocks.txt");
        firstNames = Tsv.lines(prefix + "first-names.txt");
        reportVerbs = Tsv.lines(prefix + "report-verbs.txt");
        nonNameWords = Tsv.lines(prefix + "non-name-words.txt");
        nameParticles = Tsv.lines(prefix + "name-particles.txt");
        languageBefore = new ArrayList<>();
        languageBeforeWeak = new ArrayList<>();
        languageAfter = new ArrayList<>();
        for (String[] row : Tsv.require(prefix + "language-cues.tsv", 2)) {
            switch (row[0]) {
                case "before" -> languageBefore.addAll(Tsv.values(row[1]));
                case "before-weak" -> languageBeforeWeak.addAll(Tsv.values(row[1]));
                case "after" -> languageAfter.addAll(Tsv.values(row[1]));
                default -> throw new IllegalStateException("language-cues.tsv: unknown position " + row[0]);
            }
        }
    }

    static Rules fromClasspath() {
        return fromClasspath("rules/");
    }

    static Rules fromClasspath(String prefix) {
        return new Rules(prefix);
    }
}
