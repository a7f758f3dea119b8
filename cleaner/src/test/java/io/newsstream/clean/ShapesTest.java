package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void shouldSeparateKeyWordsAtEveryNonAlphanumericChar() {
        assertThat(Shapes.key("“Don’t go,” she said.")).isEqualTo("don t go she said");
        assertThat(Shapes.key("Sign-up for U.S. news -- now!")).isEqualTo("sign up for u s news now");
        assertThat(Shapes.key("  ...  ")).isEmpty();
    }

    @Test
    void shouldScanAsciiTheWayTheGeneralPathDoes() {
        // The ASCII loop of scan() is branch-free arithmetic; key() and isSentence() are plain code.
        String alphabet = "aAbZz09 .,;:'\"()-?!\t/";
        for (String s : RandomTexts.of(42, 20_000, 0, 39,
                r -> String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))))) {
            Shapes.Scan scan = Shapes.scan(s);
            assertThat(scan).as("scan of [%s]", s).isEqualTo(Shapes.scanCodePoints(s));
            assertThat(scan.key()).as("key of [%s]", s).isEqualTo(Shapes.key(s));
        }
    }

    @Test
    void shouldCountWordsAndCharKindsInOneScan() {
        Shapes.Scan scan = Shapes.scan("Shr 1.03 dlrs vs (92) cts; Net US");
        assertThat(scan.words()).isEqualTo(6);
        assertThat(scan.lowerWords()).isEqualTo(3);
        assertThat(scan.capitalisedWords()).isEqualTo(3);
        assertThat(scan.codePunctuation()).isTrue();
        assertThat(scan.letter()).isTrue();
        assertThat(scan.digit()).isTrue();
        assertThat(Shapes.scan("He said (twice) that it was over.").codePunctuation()).isFalse();
        Shapes.Scan greek = Shapes.scan("Η Αθήνα 2023 {x}");
        assertThat(greek.words()).isEqualTo(3);
        assertThat(greek.capitalisedWords()).isEqualTo(2);
        assertThat(greek.codePunctuation()).isTrue();
        assertThat(Shapes.scan("*** —").letter()).isFalse();
        assertThat(Shapes.scan("*** —").digit()).isFalse();
    }

    @Test
    void shouldNoteTheTrackedPunctuationInEitherLoop() {
        Shapes.Scan caption = Shapes.scan("Flag of Azerbaijan (credit: REUTERS)");
        assertThat(caption.has('(')).isTrue();
        assertThat(caption.has(':')).isTrue();
        Shapes.Scan prose = Shapes.scan("He said it was over; talks resume on Monday.");
        assertThat(prose.has('(')).isFalse();
        assertThat(prose.has(':')).isFalse();
        Shapes.Scan nonAscii = Shapes.scan("Bakı (Azərbaycan)");
        assertThat(nonAscii.has('(')).isTrue();
        assertThat(nonAscii.has(':')).isFalse();
        assertThat(Shapes.scan("Saat: 15:05 — Bakı").has(':')).isTrue();
        for (char c : Shapes.TRACKED_PUNCTUATION.toCharArray()) {
            assertThat(Shapes.scan("a " + c + " b").has(c)).as("%s", c).isTrue();
            assertThat(Shapes.scan("a b").has(c)).as("%s", c).isFalse();
        }
        assertThatThrownBy(() -> prose.has(')')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldScanNonAsciiTextByCodePoints() {
        Shapes.Scan scan = Shapes.scan("Der Präsident sagte, dass die Gespräche weitergehen.");
        assertThat(scan.key()).isEqualTo("der präsident sagte dass die gespräche weitergehen");
        assertThat(scan.sentence()).isTrue();
        assertThat(Shapes.scan("BREAKING NEWS FROM BAKU.").sentence()).isFalse();
    }
}
