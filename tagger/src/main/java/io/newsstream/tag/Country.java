package io.newsstream.tag;

/**
 * A row of {@code kb/countries.tsv}.
 *
 * @param code   ISO 3166-1 alpha-2 code, or the four-letter ISO 3166-3 code of a historical state
 * @param alpha3 ISO 3166-1 alpha-3 code (may be empty for historical states)
 * @param name   English short name
 * @param status sovereign, territory, partially-recognised or historical
 */
public record Country(String code, String alpha3, String name, String status) {

    public boolean historical() {
        return "historical".equals(status);
    }
}
