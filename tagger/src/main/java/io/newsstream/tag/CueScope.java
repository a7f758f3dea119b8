package io.newsstream.tag;

/** Where a context cue must appear relative to the ambiguous name it speaks for or against. */
enum CueScope {
    /** Anywhere in the title or text (each distinct cue counts once). */
    ARTICLE,
    /** Within a few words either side, in the same string. */
    NEAR,
    /** The word (or phrase) right before the name. */
    PREV,
    /** The word (or phrase) right after the name, a comma in between allowed. */
    NEXT,
    /** No cue word: a standing bias for the country reading. */
    PRIOR
}
