package io.newsstream.tag;

/**
 * One meaning of one dictionary surface.
 *
 * @param role    what the surface does
 * @param surface the surface as written in its source file, for case checks
 * @param code    the country it refers to or is a cue for ({@code *} = any), or null
 * @param kind    mention kind for COUNTRY and PLACE roles, else null
 * @param flags   bit set of {@code F_*} constants
 * @param id      place key, organisation name or historical code; null otherwise
 * @param weight  signed evidence weight of a CUE
 * @param scope   where a CUE must occur relative to the ambiguous name, null for other roles
 */
record Entry(Role role, String surface, String code, MentionKind kind, int flags, String id, int weight,
             CueScope scope) {

    static final int F_CASE_SENSITIVE = 1;
    static final int F_AMBIGUOUS = 1 << 1;
    static final int F_LANGUAGE = 1 << 2;
    static final int F_CONTEXT = 1 << 3;
    static final int F_SUBNATIONAL = 1 << 4;
    static final int F_CAPITAL = 1 << 5;
    static final int F_HISTORICAL = 1 << 6;
    /** ORG_HEAD of a government body: a leading demonym stays a country mention. */
    static final int F_GOVERNMENT = 1 << 7;
    /** ORG_HEAD that may take an "of ..." complement ("Ministry of Foreign Affairs"). */
    static final int F_OF = 1 << 8;
    /** ORG_HEAD of a named thing that is not an organisation ("... Act", "... Road"): hides, tags nothing. */
    static final int F_OTHER = 1 << 10;
    /** Matches in any letter case ("foreign minister"). */
    static final int F_CASE_INSENSITIVE = 1 << 9;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    static Entry of(Role role, String surface, int flags) {
        return new Entry(role, surface, null, null, flags, null, 0, null);
    }
}
