package io.newsstream.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gazetteer the tagger matches against, read from four TSV resources under a prefix
 * (default {@code kb/}): {@code countries.tsv} and {@code country-names.tsv} are required,
 * {@code places.tsv} and {@code organizations.tsv} are optional (read as empty when absent).
 * Immutable once loaded; the format is documented in {@code kb/README.md}.
 */
public final class KnowledgeBase {

    private final Map<String, Country> countries;
    private final List<CountryName> countryNames;
    private final List<Place> places;
    private final List<Organization> organizations;

    public KnowledgeBase(Collection<Country> countries, List<CountryName> countryNames, List<Place> places,
                         List<Organization> organizations) {
        Map<String, Country> byCode = new LinkedHashMap<>();
        for (Country country : countries) {
            byCode.put(country.code(), country);
        }
        this.countries = Collections.unmodifiableMap(byCode);
        this.countryNames = List.copyOf(countryNames);
        this.places = List.copyOf(places);
        this.organizations = List.copyOf(organizations);
    }

    public static KnowledgeBase fromClasspath() {
        return fromClasspath("kb/");
    }

    /** Loads the four files under a classpath prefix such as {@code "kb/"} or {@code "kb-test/"}. */
    public static KnowledgeBase fromClasspath(String prefix) {
        List<Country> countries = new ArrayList<>();
        for (String[] row : Tsv.require(prefix + "countries.tsv", 4)) {
            countries.add(new Country(row[0], row[1], row[2], row[3].toLowerCase(Locale.ROOT)));
        }
        List<CountryName> names = new ArrayList<>();
        for (String[] row : Tsv.require(prefix + "country-names.tsv", 4)) {
            if (!row[0].isEmpty() && !row[1].isEmpty()) {
                names.add(new CountryName(row[0], row[1], kind(row[2], MentionKind.NAME), Tsv.flags(row[3])));
            }
        }
        List<Place> places = new ArrayList<>();
        for (String[] row : Tsv.read(prefix + "places.tsv", 5).orElse(List.of())) {
            if (!row[0].isEmpty() && !row[1].isEmpty()) {
                places.add(new Place(row[0], row[1], kind(row[2], MentionKind.CITY), Tsv.flags(row[3]),
                        Tsv.values(row[4])));
            }
        }
        List<Organization> organizations = new ArrayList<>();
        for (String[] row : Tsv.read(prefix + "organizations.tsv", 4).orElse(List.of())) {
            if (!row[0].isEmpty()) {
                organizations.add(new Organization(row[0], row[1].isEmpty() ? null : row[1], row[2],
                        Tsv.values(row[3])));
            }
        }
        return new KnowledgeBase(countries, names, places, organizations);
    }

    private static MentionKind kind(String cell, MentionKind fallback) {
        return cell.isEmpty() ? fallback : MentionKind.valueOf(cell.toUpperCase(Locale.ROOT));
    }

    public Optional<Country> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    public Collection<Country> countries() {
        return countries.values();
    }

    public List<CountryName> countryNames() {
        return countryNames;
    }

    public List<Place> places() {
        return places;
    }

    public List<Organization> organizations() {
        return organizations;
    }
}
