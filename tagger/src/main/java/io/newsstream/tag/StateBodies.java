package io.newsstream.tag;

import java.util.HashMap;
import java.util.Map;

/**
 * Knowledge-base organisations of kind {@code government} whose name starts or ends with an
 * unambiguous country name or demonym ("U.S. Navy", "Israeli Air Force", "Bank of Israel"). The
 * country part of such a name names the state itself, so it stays a COUNTRY mention and the
 * organisation span is the rest; every other organisation hides the names inside it
 * ("Azerbaijan Airlines"). Built once; immutable.
 */
final class StateBodies {

    /**
     * How to split a matched organisation surface.
     *
     * @param countryKey folded country surface at the start ({@code leading}) or the end
     * @param leading    true when the country comes first
     * @param country    the country entry to tag it with
     */
    record Split(String countryKey, boolean leading, Entry country) {
    }

    private final Map<Entry, Split> splits;

    private StateBodies(Map<Entry, Split> splits) {
        this.splits = Map.copyOf(splits);
    }

    static StateBodies build(KnowledgeBase kb, CharFolder folder, Map<Entry, String> governmentSurfaces) {
        Map<String, Entry> countryKeys = new HashMap<>();
        for (CountryName name : kb.countryNames()) {
            boolean plain = !name.flags().contains("ambiguous") && !name.flags().contains("context")
                    && !name.flags().contains("subnational");
            if (plain && name.kind() != MentionKind.METONYM
                    && !kb.country(name.code()).map(Country::historical).orElse(true)) {
                countryKeys.putIfAbsent(Lexicon.key(folder, name.surface()),
                        new Entry(Role.COUNTRY, name.surface(), name.code(), name.kind(), 0, name.code(), 0, null));
            }
        }
        Map<Entry, Split> splits = new HashMap<>();
        for (Map.Entry<Entry, String> e : governmentSurfaces.entrySet()) {
            String key = Lexicon.key(folder, e.getValue());
            Split split = leading(key, countryKeys);
            if (split == null) {
                split = trailing(key, countryKeys);
            }
            if (split != null && split.country().code().equals(e.getKey().code())) {
                splits.put(e.getKey(), split);
            }
        }
        return new StateBodies(splits);
    }

    private static Split leading(String key, Map<String, Entry> countryKeys) {
        for (int space = key.lastIndexOf(' '); space > 0; space = key.lastIndexOf(' ', space - 1)) {
            Entry country = countryKeys.get(key.substring(0, space));
            if (country != null) {
                return new Split(key.substring(0, space), true, country);
            }
        }
        return null;
    }

    private static Split trailing(String key, Map<String, Entry> countryKeys) {
        for (String of : new String[] {" of the ", " of "}) {
            int at = key.lastIndexOf(of);
            if (at > 0) {
                Entry country = countryKeys.get(key.substring(at + of.length()));
                if (country != null) {
                    return new Split(key.substring(at + of.length()), false, country);
                }
            }
        }
        return null;
    }

    Split split(Entry organization) {
        return splits.get(organization);
    }
}
