package io.newsstream.tag;

/** What a dictionary surface does when the lexicon finds it in a text. */
enum Role {
    /** Names a country (or a historical state): becomes a COUNTRY/HISTORICAL_STATE mention. */
    COUNTRY,
    /** Names a place: becomes a PLACE mention. */
    PLACE,
    /** Names a known organisation: becomes an ORGANIZATION mention. */
    ORGANIZATION,
    /** A person's title or role: the capitalised words after it are a name. */
    TITLE,
    /** An organisation's head word ("Institute"): the capitalised words before it are the name. */
    ORG_HEAD,
    /** Evidence for or against reading an ambiguous name as a given country. */
    CUE,
    /** A longer phrase that contains a name but is not about it ("New Mexico"): matches nothing. */
    BLOCK,
    /** A common given name: a capitalised word after it is a surname. */
    FIRST_NAME,
    /** A reporting verb ("said"): the capitalised words before it are a speaker. */
    REPORT_VERB,
    /** A capitalised word that never starts a name ("The", "Monday"). */
    NON_NAME,
    /** A word before a demonym that makes it a language ("speaks", "in"). */
    LANGUAGE_BEFORE,
    /** A word after a demonym that makes it a language ("-language", "translation"). */
    LANGUAGE_AFTER
}
