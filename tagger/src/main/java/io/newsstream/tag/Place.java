package io.newsstream.tag;

import java.util.List;
import java.util.Set;

/**
 * A row of {@code kb/places.tsv}.
 *
 * @param name    the place key, also its main spelling ("Baku")
 * @param country ISO 3166-1 alpha-2 code of the country it lies in
 * @param kind    CITY or REGION
 * @param flags   subset of capital, ambiguous, cs
 * @param aliases other spellings
 */
public record Place(String name, String country, MentionKind kind, Set<String> flags, List<String> aliases) {

    public Place {
        flags = Set.copyOf(flags);
        aliases = List.copyOf(aliases);
    }
}
