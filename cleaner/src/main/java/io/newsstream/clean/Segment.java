package io.newsstream.clean;

/**
 * One paragraph-sized unit of an article: a line, or a paragraph rebuilt from hard-wrapped
 * lines. Rules mark it removed (first rule wins) or replace its text; it belongs to one call.
 */
final class Segment {

    private final Shapes.Scratch scratch;
    private String text;
    private Shapes.Scan scan;
    private String removedBy;

    /** The scratch buffers belong to the cleaning call; its segments are scanned one at a time. */
    Segment(String text, Shapes.Scratch scratch) {
        this.text = text;
        this.scratch = scratch;
    }

    String text() {
        return text;
    }

    /** {@link Shapes#key(String)} of the text, computed once (three rules compare keys). */
    String key() {
        return shape().key();
    }

    /** {@link Shapes#isSentence(String)} of the text, computed once. */
    boolean isSentence() {
        return shape().sentence();
    }

    /** Key, sentence shape and counts from one pass ({@link Shapes#scan}), computed once: every segment needs them. */
    Shapes.Scan shape() {
        if (scan == null) {
            scan = Shapes.scan(text, scratch);
        }
        return scan;
    }

    void replaceText(String newText) {
        this.text = newText;
        this.scan = null;
    }

    boolean kept() {
        return removedBy == null;
    }

    String removedBy() {
        return removedBy;
    }

    void markRemoved(String rule) {
        if (removedBy == null) {
            removedBy = rule;
        }
    }

    @Override
    public String toString() {
        return (removedBy == null ? "+ " : "- [" + removedBy + "] ") + text;
    }
}
