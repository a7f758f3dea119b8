package io.newsstream.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the knowledge base and the rule files into lexicon entries. */
final class LexiconLoader {

    private LexiconLoader() {
    }

    /** Government organisations' entries with their surfaces, for {@link StateBodies}. */
    static Map<Entry, String> governmentSurfaces(KnowledgeBase kb) {
        Map<Entry, String> out = new HashMap<>();
        for (Organization org : kb.organizations()) {
            if ("government".equals(org.kind())) {
                for (String surface : orgSurfaces(org)) {
                    out.put(organizationEntry(org, surface), surface);
                }
            }
        }
        return out;
    }

    private static Entry organizationEntry(Organization org, String surface) {
        int flags = acronym(surface) ? Entry.F_CASE_SENSITIVE : 0;
        return new Entry(Role.ORGANIZATION, surface, org.country(), MentionKind.KNOWN, flags, org.name(), 0, null);
    }

    static Lexicon build(KnowledgeBase kb, Rules rules, CharFolder folder) {
        Lexicon.Builder b = new Lexicon.Builder(folder);
        addCountryNames(kb, rules, b);
        for (Place place : kb.places()) {
            int flags = placeFlags(place.flags());
            MentionKind kind = place.kind() == MentionKind.REGION ? MentionKind.REGION : MentionKind.CITY;
            b.add(new Entry(Role.PLACE, place.name(), place.country(), kind, flags, place.name(), 0, null));
            for (String alias : place.aliases()) {
                b.add(new Entry(Role.PLACE, alias, place.country(), kind, flags, place.name(), 0, null));
            }
        }
        for (Organization org : kb.organizations()) {
            for (String surface : orgSurfaces(org)) {
                b.add(organizationEntry(org, surface));
            }
        }
        addRules(rules, b);
        return b.build();
    }

    private static void addCountryNames(KnowledgeBase kb, Rules rules, Lexicon.Builder b) {
        for (CountryName name : kb.countryNames()) {
            int flags = countryFlags(name.flags());
            if (kb.country(name.code()).map(Country::historical).orElse(false)) {
                flags |= Entry.F_HISTORICAL;
            }
            b.add(new Entry(Role.COUNTRY, name.surface(), name.code(), name.kind(), flags, name.code(), 0, null));
            for (String code : rules.sharedNames.getOrDefault(name.surface(), List.of())) {
                if (!code.equals(name.code()) && kb.country(code).isPresent()) {
                    b.add(new Entry(Role.COUNTRY, name.surface(), code, name.kind(), flags | Entry.F_AMBIGUOUS, code, 0,
                            null));
                }
            }
            if (name.kind() == MentionKind.DEMONYM && pluralisable(name.surface())) {
                // "Israelis", "Germans": a plural people noun is never the language.
                b.add(new Entry(Role.COUNTRY, name.surface() + "s", name.code(), name.kind(),
                        flags & ~Entry.F_LANGUAGE, name.code(), 0, null));
            }
        }
    }

    private static List<String> orgSurfaces(Organization org) {
        List<String> out = new ArrayList<>();
        out.add(org.name());
        out.addAll(org.aliases());
        return out;
    }

    /**
     * The knowledge base's acronym rule: no lower-case letter and at most five letters (dots,
     * digits, {@code & / + -} ignored) means the surface must match exactly ("WHO", "EU").
     */
    static boolean acronym(String surface) {
        int letters = 0;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters > 0 && letters <= 5;
    }

    /** "Israeli" → "Israelis"; not "Swiss", "French", "Chinese" or "Dutch", whose plural is the same word. */
    static boolean pluralisable(String demonym) {
        String s = demonym.toLowerCase(Locale.ROOT);
        return !s.isEmpty() && Character.isLetter(s.charAt(s.length() - 1)) && s.indexOf(' ') < 0
                && !(s.endsWith("s") || s.endsWith("sh") || s.endsWith("ch") || s.endsWith("x")
                || s.endsWith("z") || s.endsWith("ese") || s.endsWith("y"));
    }

    private static void addRules(Rules rules, Lexicon.Builder b) {
        for (String title : rules.personTitles) {
            b.add(Entry.of(Role.TITLE, title, title.endsWith(".") ? 0 : Entry.F_CASE_INSENSITIVE));
        }
        for (Rules.OrgHead head : rules.orgHeads) {
            int flags = (head.flags().contains("gov") ? Entry.F_GOVERNMENT : 0)
                    | (head.flags().contains("of") ? Entry.F_OF : 0)
                    | (head.flags().contains("other") ? Entry.F_OTHER : 0);
            b.add(Entry.of(Role.ORG_HEAD, head.word(), flags));
        }
        for (Rules.Cue cue : rules.cues) {
            if (cue.scope() == CueScope.PRIOR) {
                continue;
            }
            for (String word : cue.words()) {
                b.add(new Entry(Role.CUE, word, cue.code(), null, 0, null, cue.weight(), cue.scope()));
            }
        }
        for (String block : rules.blocks) {
            b.add(Entry.of(Role.BLOCK, block, Entry.F_CASE_INSENSITIVE));
        }
        for (String name : rules.firstNames) {
            b.add(Entry.of(Role.FIRST_NAME, name, 0));
        }
        for (String verb : rules.reportVerbs) {
            b.add(Entry.of(Role.REPORT_VERB, verb, Entry.F_CASE_INSENSITIVE));
        }
        for (String word : rules.nonNameWords) {
            b.add(Entry.of(Role.NON_NAME, word, Entry.F_CASE_INSENSITIVE));
        }
        for (String word : rules.languageBefore) {
            b.add(new Entry(Role.LANGUAGE_BEFORE, word, null, null, Entry.F_CASE_INSENSITIVE, null, 2, null));
        }
        for (String word : rules.languageBeforeWeak) {
            b.add(new Entry(Role.LANGUAGE_BEFORE, word, null, null, Entry.F_CASE_INSENSITIVE, null, 1, null));
        }
        for (String word : rules.languageAfter) {
            b.add(Entry.of(Role.LANGUAGE_AFTER, word, Entry.F_CASE_INSENSITIVE));
        }
    }

    private static int countryFlags(Set<String> flags) {
        int bits = 0;
        bits |= flags.contains("cs") ? Entry.F_CASE_SENSITIVE : 0;
        bits |= flags.contains("ambiguous") ? Entry.F_AMBIGUOUS : 0;
        bits |= flags.contains("lang") ? Entry.F_LANGUAGE : 0;
        bits |= flags.contains("context") ? Entry.F_CONTEXT : 0;
        bits |= flags.contains("subnational") ? Entry.F_SUBNATIONAL : 0;
        return bits;
    }

    private static int placeFlags(Set<String> flags) {
        int bits = 0;
        bits |= flags.contains("cs") ? Entry.F_CASE_SENSITIVE : 0;
        bits |= flags.contains("ambiguous") ? Entry.F_AMBIGUOUS : 0;
        bits |= flags.contains("capital") ? Entry.F_CAPITAL : 0;
        return bits;
    }
}
