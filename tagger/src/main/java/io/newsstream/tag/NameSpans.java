package io.newsstream.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Person and organisation mentions found in one string, plus the token-level predicates the
 * name finders share. Per-call scratch.
 */
final class NameSpans {

    final List<Mention> mentions = new ArrayList<>();
    /** Tokens already inside a person or organisation name. */
    final boolean[] taken;

    NameSpans(Doc doc) {
        taken = new boolean[doc.tokenCount];
    }

    boolean free(int from, int to) {
        for (int t = from; t < to; t++) {
            if (taken[t]) {
                return false;
            }
        }
        return true;
    }

    /** Marks a named thing that is not a person or organisation: nothing inside it is a mention. */
    void hide(int fromToken, int toToken) {
        for (int t = fromToken; t < toToken; t++) {
            taken[t] = true;
        }
    }

    void add(Doc doc, EntityKind type, int fromToken, int toToken, String id, String country, MentionKind kind) {
        int start = doc.tokenStart[fromToken];
        int end = doc.tokenEnd[toToken - 1];
        add(doc, type, start, end, fromToken, toToken, id, country, kind);
    }

    void add(Doc doc, EntityKind type, int start, int end, int fromToken, int toToken, String id, String country,
             MentionKind kind) {
        mentions.add(new Mention(type, doc.text.substring(start, end), start, end, id, country, kind));
        for (int t = fromToken; t < toToken; t++) {
            taken[t] = true;
        }
    }
}
