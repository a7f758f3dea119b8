package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateTest {

    private static final String PROSE = Cleaning.PROSE;
    private static final String PROSE2 = Cleaning.PROSE2;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropPullQuoteThatRepeatsALaterSentence() {
        String pull = "\"Energy is the backbone of this relationship.\"";
        String full = "\"Energy is the backbone of this relationship,\" said an energy consultant who has "
                + "worked in Baku for a decade.";
        CleanedText article = cleaning.article(PROSE + "\n" + pull + "\n" + PROSE2 + "\n" + full);
        assertThat(article.text()).isEqualTo(PROSE + "\n\n" + PROSE2 + "\n\n" + full);
        assertThat(article.removals()).contains(new RuleRemoval("duplicate-paragraph", 1, pull.length()));
    }

    @Test
    void shouldKeepFirstOfDuplicatedParagraphs() {
        assertThat(cleaning.text(PROSE + "\n" + PROSE2 + "\n" + PROSE)).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldKeepShortSentenceThatRecursInsideAParagraph() {
        String shortOne = "He declined to comment.";
        String body = PROSE + "\n" + shortOne + "\n" + PROSE2 + " He declined to comment.";
        assertThat(cleaning.text(body)).contains("\n\n" + shortOne + "\n\n");
    }

    @Test
    void shouldKeepParagraphsThatOnlyShareWords() {
        String a = "Iran has watched the growing ties with alarm, officials in Baku said on Monday.";
        String b = "Iran has watched the growing ties with alarm for years, and Tehran has threatened Baku.";
        assertThat(cleaning.text(a + "\n" + b)).isEqualTo(a + "\n\n" + b);
    }
}
