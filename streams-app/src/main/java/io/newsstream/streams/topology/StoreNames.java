package io.newsstream.streams.topology;

/** Names of the state stores; their changelog topics are {@code <application.id>-<store>-changelog}. */
public final class StoreNames {

    /** Tagged articles by id; also the record of which ids have been counted. */
    public static final String ARTICLES = "tagged-articles";
    /** All-time country mention count, by ISO 3166-1 alpha-2 code. */
    public static final String COUNTRY_COUNTS = "country-counts";
    /** Country mention count per event-time hour. */
    public static final String COUNTRY_COUNTS_HOURLY = "country-counts-hourly";
    /** Country mention count per event-time day (UTC). */
    public static final String COUNTRY_COUNTS_DAILY = "country-counts-daily";

    private StoreNames() {
    }
}
