package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {

    private final WordTable table = new WordTable(Map.of("the", 1L, "für", 2L, "The", 4L, "subscribe", 8L));

    @Test
    void shouldFindAWordBySpanIgnoringCase() {
        String text = "Read THE news für free; Subscribe!";
        assertThat(table.get(text, 5, 8)).isEqualTo(1L | 4L); // "the" and "The" merge
        assertThat(table.get(text, 14, 17)).isEqualTo(2L);
        assertThat(table.get(text, 24, 33)).isEqualTo(8L);
    }

    @Test
    void shouldGiveZeroForOtherWordsAndPartialSpans() {
        String text = "then theatre th subscriber";
        assertThat(table.get(text, 0, 4)).isZero();
        assertThat(table.get(text, 5, 12)).isZero();
        assertThat(table.get(text, 13, 15)).isZero();
        assertThat(table.get(text, 16, 26)).isZero();
        assertThat(table.get(text, 3, 3)).isZero();
        // An empty span at the very end reads no char.
        assertThat(table.get(text, text.length(), text.length())).isZero();
        assertThat(table.getLowerCase(text, text.length(), text.length())).isZero();
        assertThat(table.getAscii(text.toCharArray(), text.length(), text.length()))
                .isZero();
    }

    @Test
    void shouldFindWordsInLowerCaseTextWithoutFolding() {
        String key = Shapes.key("Read THE news für free; Subscribe! Then");
        assertThat(key).isEqualTo("read the news für free subscribe then");
        assertThat(table.getLowerCase(key, 5, 8)).isEqualTo(1L | 4L);
        assertThat(table.getLowerCase(key, 14, 17)).isEqualTo(2L);
        assertThat(table.getLowerCase(key, 23, 32)).isEqualTo(8L);
        assertThat(table.getLowerCase(key, 33, 37)).isZero();
    }

    @Test
    void shouldFindAsciiCharsInAnArrayAsTheSameCharsInAString() {
        String text = "Read THE news; Subscribe! Then theatre th";
        char[] chars = text.toCharArray();
        for (int from = 0; from <= text.length(); from++) {
            for (int to = from; to <= Math.min(text.length(), from + 12); to++) {
                assertThat(table.getAscii(chars, from, to)).as("[%s]", text.substring(from, to))
                        .isEqualTo(table.get(text, from, to));
            }
        }
        assertThat(table.getAscii(chars, 15, 24)).isEqualTo(8L);
    }
}
