package io.newsstream.clean;

/**
 * One paragraph-sized unit of an article: a line, or a paragraph rebuilt from hard-wrapped
 * lines. Rules mark it removed (first rule wins) or replace its text; it belongs to one call.
 */
final class Segment {

    private String text;
    private String lower;
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
