package io.newsstream.clean;

/**
 * One paragraph-sized unit of an article: a line, or a paragraph rebuilt from hard-wrapped
 * lines. Rules mark it removed (first rule wins) or replace its text; it belongs to one call.
 */
final class Segment {

    private String text;
    private String lower;
    private String key;
    private Boolean sentence;
    private String removedBy;

    Segment(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The text in lower case (Locale.ROOT), computed once. */
    String lower() {
        if (lower == null) {
            lower = Shapes.lower(text);
        }
        return lower;
    }

    /** {@link Shapes#key(String)} of the text, computed once (three rules compare keys). */
    String key() {
        if (key == null) {
            key = Shapes.key(text);
        }
        return key;
    }

    /** {@link Shapes#isSentence(String)} of the text, computed once. */
    boolean isSentence() {
        if (sentence == null) {
            sentence = Shapes.isSentence(text);
        }
        return sentence;
    }

    void replaceText(String newText) {
        this.text = newText;
        this.lower = null;
        this.key = null;
        this.sentence = null;
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
