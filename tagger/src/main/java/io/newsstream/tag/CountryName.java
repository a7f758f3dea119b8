package io.newsstream.tag;

import java.util.Set;

/**
 * A row of {@code kb/country-names.tsv}: one way of writing a country.
 *
 * @param code    the country it names
 * @param surface the text as written ("U.S.", "Azeri")
 * @param kind    NAME, ALIAS, DEMONYM or METONYM
 * @param flags   subset of cs, ambiguous, lang, context, subnational
 */
public record CountryName(String code, String surface, MentionKind kind, Set<String> flags) {

    public CountryName {
        flags = Set.copyOf(flags);
    }
}
