package io.newsstream.clean;

/**
 * One paragraph-sized unit of an article: a line, or a paragraph rebuilt from hard-wrapped
 * lines. Rules mark it removed (first rule wins) or replace its text; it belongs to one call.
 */
final class Segment {

    private String text;
    private String key;
    private boolean sentence;
    private String removedBy;

    Segment(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** {@link Shapes#key(String)} of the text, computed once (three rules compare keys). */
    String key() {
        if (key == null) {
            scan();
        }
        return key;
    }

    /** {@link Shapes#isSentence(String)} of the text, computed once. */
    boolean isSentence() {
        if (key == null) {
            scan();
        }
        return sentence;
    }

    /** Key and sentence shape come from one pass: every segment needs both. */
    private void scan() {
        Shapes.Scan scan = Shapes.scan(text);
        key = scan.key();
        sentence = scan.sentence();
    }

    void replaceText(String newText) {
        this.text = newText;
        this.key = null;
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
