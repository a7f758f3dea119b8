package io.newsstream.tag;

import java.util.List;

/**
 * A row of {@code kb/organizations.tsv}.
 *
 * @param name    canonical name
 * @param country ISO 3166-1 alpha-2 code, or null when it has none (intergovernmental bodies)
 * @param kind    intergovernmental, news, government, institute, company or other
 * @param aliases other spellings and acronyms
 */
public record Organization(String name, String country, String kind, List<String> aliases) {

    public Organization {
        aliases = List.copyOf(aliases);
    }
}
