package io.newsstream.tag;

/** How a {@link Mention} was recognised. */
public enum MentionKind {
    /** The country's common name ("Azerbaijan"). */
    NAME,
    /** Another name or abbreviation ("U.S.", "Republic of Korea"). */
    ALIAS,
    /** An adjective or people noun ("Azeri", "Israelis"). */
    DEMONYM,
    /** A seat of government standing for the country ("the Kremlin"). */
    METONYM,
    /** A city from the gazetteer. */
    CITY,
    /** A region, province or constituent country from the gazetteer. */
    REGION,
    /** A person or organisation found after a title or role ("President ..."). */
    CUE,
    /** An organisation found by its head word ("... Institute"). */
    SUFFIX,
    /** A name listed in the knowledge base. */
    KNOWN,
    /** A short form resolved to a full name seen in the same article. */
    COREFERENCE
}
