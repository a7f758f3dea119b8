package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageTest {

    private ArticleCleaner cleaner;
    /** Loads lingua's models: made once for the class. */
    private LanguageGuesser guesser;

    @BeforeAll
    void createCleaner() {
        cleaner = new ArticleCleaner(CleanerConfig.defaults());
        guesser = new LanguageGuesser();
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
    void shouldDetectOtherLatinScriptLanguagesByTheirFunctionWords() {
        assertThat(language("Le gouvernement a annoncé dimanche que les négociations avec la Russie "
                + "reprendront dans une semaine, selon un communiqué du ministère.")).isEqualTo("fr");
        assertThat(language("El gobierno anunció el domingo que las negociaciones con los países vecinos "
                + "se reanudarán en una semana, según un comunicado del ministerio.")).isEqualTo("es");
        assertThat(language("De regering heeft zondag bekendgemaakt dat de onderhandelingen met het buurland "
                + "over een week worden hervat, aldus een verklaring van het ministerie.")).isEqualTo("nl");
        assertThat(language("O governo anunciou no domingo que as negociações com os países vizinhos "
                + "serão retomadas dentro de uma semana, segundo um comunicado do ministério.")).isEqualTo("pt");
    }

    @Test
    void shouldSettleEnglishProseWithoutAskingLingua() {
        assertThat(guesser.profile(Cleaning.PROSE.substring(0, LanguageGuesser.prefixEnd(Cleaning.PROSE))).language()).isEqualTo("en");
        // A short agency sentence without "the" is still plainly English.
        assertThat(guesser.profile("Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is cutting "
                + "its copper cathode price by 0.75 cent to 66 cents a lb, effective immediately.").language())
                .isEqualTo("en");
    }

    @Test
    void shouldSettleOnceALanguageHasClearlyWonWithoutReadingTheRestOfTheSample() {
        // Eight English hits with no rival by the first 130 chars: the German half is never read,
        // whereas over the whole sample the two languages would tie and lingua would be asked.
        String english = "The minister said on Sunday that the talks with the neighbours of the country would resume "
                + "in a week at the latest.";
        String german = "Die Gespräche mit den Nachbarn des Landes werden nach Angaben der Regierung in einer Woche "
                + "wieder aufgenommen, sagte der Minister und die Regierung bestätigte das am Sonntag.";
        assertThat(guesser.profile(english + " " + german).language()).isEqualTo("en");
        assertThat(guesser.profile(german + " " + english).language()).isEqualTo("de");
    }

    @Test
    void shouldSettleAShortLineByTwoWordsWithAWideLead() {
        assertThat(guesser.profile("Texas Handler Corp completed the sale with Cotton Certificate Holdings Inc")
                .language()).isEqualTo("en");
        // "to" is also Polish and Czech: one word that three languages share decides nothing.
        assertThat(guesser.profile("Texas Handler Corp sale to Cotton Certificate Holdings Inc"))
                .isEqualTo(LanguageGuesser.Verdict.UNDECIDED);
    }

    @Test
    void shouldNotReadCapitalLettersInATableAsFunctionWords() {
        // "V" and "VI" are grades, not the Czech preposition "v".
        LanguageGuesser.Verdict verdict = guesser.profile("reported the farmer-owned reserve national five-day average "
                + "price through April 6 as follows (Dlrs/Bu-Sorghum Cwt) - Wheat 2.64 2.40 IV 4.65 -- V 4.65 -- "
                + "VI 4.45 -- Corn 1.40 1.92 IV 3.15 3.15 V 3.25 -- X - 1986 Rates. Oats 1.24 0.99 V 1.65 -- "
                + "Barley n.a. 1.56 IV 2.55 2.55 V 2.65 -- VI 2.50 --");
        assertThat(verdict.language()).isNotEqualTo("cs");
    }

    @Test
    void shouldSettleCyrillicAndArabicScriptLanguagesByTheirFunctionWords() {
        assertThat(guesser.profile("Правительство объявило в воскресенье, что переговоры с соседними странами "
                + "возобновятся через неделю, говорится в заявлении министерства.").language()).isEqualTo("ru");
        assertThat(guesser.profile("Уряд оголосив у неділю, що переговори з сусідніми країнами відновляться через "
                + "тиждень, йдеться в заяві міністерства.").language()).isEqualTo("uk");
        assertThat(guesser.profile("أعلنت الحكومة يوم الأحد أن المفاوضات مع الدول المجاورة ستستأنف خلال أسبوع، "
                + "بحسب بيان صادر عن الوزارة.").language()).isEqualTo("ar");
        assertThat(guesser.profile("دولت روز یکشنبه اعلام کرد که مذاکرات با کشورهای همسایه ظرف یک هفته از سر "
                + "گرفته می شود.").language()).isEqualTo("fa");
    }

    @Test
    void shouldSettleAScriptThatOneLanguageWritesByTheScript() {
        assertThat(guesser.profile("Η κυβέρνηση ανακοίνωσε την Κυριακή ότι οι διαπραγματεύσεις θα ξαναρχίσουν.")
                .language()).isEqualTo("el");
        assertThat(guesser.profile("सरकार ने रविवार को घोषणा की कि पड़ोसी देशों के साथ बातचीत फिर से शुरू होगी।")
                .language()).isEqualTo("hi");
        assertThat(guesser.profile("정부는 일요일 이웃 국가들과의 협상이 일주일 안에 재개될 것이라고 발표했다.")
                .language()).isEqualTo("ko");
    }

    @Test
    void shouldLeaveScriptsWithoutFunctionWordsToLingua() {
        String chinese = "政府周日宣布，与邻国的谈判将在一周内恢复，外交部在一份声明中说。";
        assertThat(guesser.profile(chinese)).isEqualTo(LanguageGuesser.Verdict.UNDECIDED);
        assertThat(language(chinese)).isEqualTo("zh");
        // Kanji and kana together: no one script holds the sample, so lingua decides.
        String japanese = "政府は日曜日、近隣諸国との交渉を一週間以内に再開すると発表した。";
        assertThat(guesser.profile(japanese)).isEqualTo(LanguageGuesser.Verdict.UNDECIDED);
        assertThat(language(japanese)).isEqualTo("ja");
    }

    @Test
    void shouldGiveNoLanguageForATableOfFigures() {
        assertThat(language("Shr 39 cts vs 50 cts\n\nNet 1,545,160 vs 2,188,933\n\nRevs 25.2 mln vs 19.5 mln\n\n"
                + "Year\n\nShr 1.53 dlrs vs 1.21 dlrs\n\nNet 6,635,318 vs 5,050,044")).isNull();
    }

    @Test
    void shouldGiveNoLanguageForATableWithANoteUnderIt() {
        // Lingua called this French; a few function words among figures tell nothing.
        assertThat(guesser.profile("Net 1,002,000 vs 470,000 Sales 15.9 mln vs 12.0 mln Note: 4th qtr data not available"))
                .isEqualTo(LanguageGuesser.Verdict.NO_TEXT);
        // The same few function words in a short sentence without figures still go to lingua.
        assertThat(guesser.profile("NOTE: Company is mutual savings bank unit"))
                .isEqualTo(LanguageGuesser.Verdict.UNDECIDED);
    }

    @Test
    void shouldJudgeByTheSentencesNotByATableAboveThem() {
        assertThat(language("Shr 39 cts vs 50 cts\n\nNet 1,545,160 vs 2,188,933\n\nRevs 25.2 mln vs 19.5 mln\n\n"
                + "The company said its results for the year include an adjustment for the sale of its "
                + "Canadian unit, which it completed in the fourth quarter.")).isEqualTo("en");
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

    @Test
    void shouldProfileAsciiCharsAsItProfilesTheSameText() {
        // Function words of several languages, other words, capitals alone, figures and punctuation.
        String[] pieces = {"the", "and", "of", "in", "der", "und", "le", "et", "de", "el", "y", "que", "het", "och",
            "V", "A", "I", "Baku", "Shr", "cts", "vs", "dlrs", "government", "Regierung", "12.5", "1987", "(92)", ",",
            ".", ";", "-", "'s", "PCT", "a", "o", "e", "i"};
        int settled = 0;
        for (String sample : RandomTexts.of(7, 20_000, 1, 60,
                r -> pieces[r.nextInt(pieces.length)] + (r.nextInt(8) == 0 ? "" : " "))) {
            LanguageGuesser.Verdict verdict = guesser.profile(sample);
            assertThat(guesser.profileAscii(sample.toCharArray(), sample.length()))
                    .as("[%s]", sample).isEqualTo(verdict);
            settled += verdict.language() != null ? 1 : 0;
        }
        assertThat(settled).as("samples settled to a language").isGreaterThan(1000);
    }

    @Test
    void shouldSettleEarlyExactlyWhenAJustHitLanguageHasThreeTimesEveryOtherLanguagesHits() {
        Random random = new Random(11);
        int settled = 0;
        for (int sample = 0; sample < 5_000; sample++) {
            int languages = 1 + random.nextInt(22);
            LanguageGuesser.Hits hits = new LanguageGuesser.Hits(languages);
            int[] counts = new int[languages];
            // A favourite language makes most samples settle, as prose does.
            int favourite = random.nextInt(languages);
            for (int words = 1; words <= 60; words++) {
                long bits = 0;
                for (int k = random.nextInt(3); k >= 0; k--) {
                    bits |= 1L << (random.nextInt(3) == 0 ? random.nextInt(languages) : favourite);
                }
                int letters = 5 * words;
                int scriptLetters = random.nextInt(20) == 0 ? letters / 2 : letters;
                int expected = -1;
                for (long b = bits; b != 0; b &= b - 1) {
                    counts[Long.numberOfTrailingZeros(b)]++;
                }
                for (long b = bits; b != 0 && expected < 0; b &= b - 1) {
                    int l = Long.numberOfTrailingZeros(b);
                    int others = 0;
                    for (int k = 0; k < languages; k++) {
                        others = k == l ? others : Math.max(others, counts[k]);
                    }
                    boolean wins = scriptLetters >= 0.9 * letters && counts[l] >= LanguageGuesser.EARLY_HITS
                            && counts[l] >= 0.08 * words && counts[l] >= 3.0 * others;
                    expected = wins ? l : -1;
                }
                boolean won = hits.add(bits, scriptLetters, letters, words);
                assertThat(won ? hits.leader : -1).as("sample %d, word %d", sample, words).isEqualTo(expected);
                assertThat(hits.counts).isEqualTo(counts);
                if (won) {
                    settled++;
                    break;
                }
            }
        }
        assertThat(settled).as("samples settled early").isGreaterThan(1000);
    }
}
