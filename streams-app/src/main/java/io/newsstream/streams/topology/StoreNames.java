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
    /** First sighting of each content fingerprint, for de-duplicating the same story under another id. */
    public static final String CONTENT_SIGHTINGS = "content-sightings";
    /** Place mentions per country, by place name ({@code CountryTally}). */
    public static final String PLACE_COUNTS = "place-counts";
    /** All-time co-mentions: per country, articles naming it with each other country ({@code CountryTally}). */
    public static final String CO_MENTIONS = "co-mentions";
    /** Co-mentions per event-time day. */
    public static final String CO_MENTIONS_DAILY = "co-mentions-daily";
    /** The most recent articles naming each country ({@code RecentArticles}). */
    public static final String RECENT_ARTICLES = "recent-articles";

    private StoreNames() {
    }
}
