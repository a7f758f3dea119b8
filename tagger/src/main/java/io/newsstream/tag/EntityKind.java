package io.newsstream.tag;

/** What a {@link Mention} refers to. */
public enum EntityKind {
    /** A sovereign, partially recognised or dependent country named as such. */
    COUNTRY,
    /** A city or region inside a country. */
    PLACE,
    PERSON,
    ORGANIZATION,
    /** A state that no longer exists (ISO 3166-3), never mapped to a modern country. */
    HISTORICAL_STATE
}
