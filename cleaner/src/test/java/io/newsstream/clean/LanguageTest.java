package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageTest {

    private ArticleCleaner cleaner;

    @BeforeAll
    void createCleaner() {
        cleaner = new ArticleCleaner(CleanerConfig.defaults());
    }

    private String language(String body) {
        CleanOutcome outcome = cleaner.clean(new RawText(null, body, "text/plain", null));
        assertThat(outcome).isInstanceOf(CleanOutcome.Cleaned.class);
        return ((CleanOutcome.Cleaned) outcome).article().language();
    }

    @Test
    void shouldDetectEnglish() {
        assertThat(language(Cleaning.PROSE)).isEqualTo("en");
    }

    @Test
    void shouldDetectGerman() {
        assertThat(language("Die Regierung in Baku hat am Sonntag eine neue Botschaft in Tel Aviv eröffnet, "
                + "teilte das Außenministerium mit.")).isEqualTo("de");
    }

    @Test
    void shouldDetectHebrewWrittenRightToLeft() {
        assertThat(language("\u05D4\u05E9\u05D2\u05E8\u05D9\u05E8\u05D5\u05EA \u05E0\u05E4\u05EA\u05D7\u05D4 "
                + "\u05D1\u05EA\u05DC \u05D0\u05D1\u05D9\u05D1 \u05D1\u05D7\u05D5\u05D3\u05E9 \u05DE\u05E8\u05E5 "
                + "\u05D1\u05E0\u05D5\u05DB\u05D7\u05D5\u05EA \u05E9\u05E8\u05D9\u05DD.")).isEqualTo("he");
    }

    @Test
    void shouldGiveNoLanguageForTooShortText() {
        assertThat(language("Oil up 3%.")).isNull();
    }

    @Test
    void shouldGiveNoLanguageWhenDetectionIsOff() {
        ArticleCleaner off = new ArticleCleaner(new CleanerConfig(1000, 1000, false));
        CleanOutcome outcome = off.clean(new RawText(null, Cleaning.PROSE, null, null));
        assertThat(((CleanOutcome.Cleaned) outcome).article().language()).isNull();
    }

    @Test
    void shouldReadOnlyABoundedPrefixOfTheText() {
        String longEnglishThenGerman = (Cleaning.PROSE + " ").repeat(5) + ("Die Regierung hat am Sonntag eine neue "
                + "Botschaft eröffnet, teilte das Außenministerium mit. ").repeat(200);
        assertThat(language(longEnglishThenGerman)).isEqualTo("en");
    }
}
