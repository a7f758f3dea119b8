package io.newsstream.tag;

import java.util.List;
import java.util.Optional;

/** Test helper: one tagged text and short ways to ask about it. */
final class Tagged {

    private final String text;
    private final List<Mention> mentions;

    private Tagged(String text, List<Mention> mentions) {
        this.text = text;
        this.mentions = mentions;
    }

    static Tagged text(Tagger tagger, String text) {
        return new Tagged(text, tagger.tag(null, text).text());
    }

    List<Mention> all() {
        return mentions;
    }

    List<Mention> of(EntityKind type) {
        return mentions.stream().filter(m -> m.type() == type).toList();
    }

    /** Country codes of COUNTRY mentions, in text order. */
    List<String> countries() {
        return of(EntityKind.COUNTRY).stream().map(Mention::country).toList();
    }

    /** The mention whose text is exactly {@code surface} (the first one). */
    Optional<Mention> find(String surface) {
        return mentions.stream().filter(m -> m.text().equals(surface)).findFirst();
    }

    /** The mention starting at the n-th occurrence (0-based) of {@code surface} in the text. */
    Optional<Mention> at(String surface, int occurrence) {
        int from = -1;
        for (int i = 0; i <= occurrence; i++) {
            from = text.indexOf(surface, from + 1);
        }
        int start = from;
        return mentions.stream().filter(m -> m.start() == start).findFirst();
    }

    @Override
    public String toString() {
        return mentions.toString();
    }
}
