package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteChromeTest {

    private static final String PROSE = Cleaning.PROSE;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropNavigationLineAtTopWithNothingSurviving() {
        String body = "The Daily Herald - World News Europe News Health & Science SPORT Opinion Culture Business Podcasts\n"
                + PROSE;
        CleanedText article = cleaning.article(body);
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).extracting(RuleRemoval::rule).contains("site-chrome");
    }

    @Test
    void shouldDropPipeSeparatedMenuAtTop() {
        assertThat(cleaning.text("Home | World | Politics | Markets\n" + PROSE)).isEqualTo(PROSE);
    }

    @Test
    void shouldDropNavigationLineAtBottom() {
        assertThat(cleaning.text(PROSE + "\nAbout Us Contact Advertise Newsletters Archive Jobs")).isEqualTo(PROSE);
    }

    @Test
    void shouldDropSingleMenuWordsAtTop() {
        assertThat(cleaning.text("Menu\nSearch\nSkip to content\n" + PROSE)).isEqualTo(PROSE);
    }

    @Test
    void shouldKeepTitleCaseHeadlineWithOneSectionWord() {
        CleanedText article = cleaning.article("Israel News Agency Reports Record Tourism Numbers\n" + PROSE);
        assertThat(article.title()).isEqualTo("Israel News Agency Reports Record Tourism Numbers");
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldKeepSentenceThatListsSections() {
        String sentence = "The paper added Health, Business, Opinion and World sections in 2020.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).isEqualTo(PROSE + "\n\n" + sentence);
    }

    @Test
    void shouldKeepCapitalisedMenuLikeLineInTheMiddleOfTheArticle() {
        String subheading = "Health And Business Ties";
        String body = PROSE + "\n" + subheading + "\n" + Cleaning.PROSE2;
        assertThat(cleaning.text(body)).contains(subheading);
    }

    @Test
    void shouldKeepTableRowWithFigures() {
        String row = "TOLEDO 58 LB 35 OVR MAY UP 1 CHICAGO 57 LB 25 OVR MAY UNC NEWS 8 STORE 9";
        assertThat(cleaning.text(PROSE + "\n" + row)).endsWith(row);
    }

    @Test
    void shouldNeverGateOutALineTheRuleWouldCallChrome() {
        // mayBeChrome spares most segments the tokenising isChrome; it must never be stricter.
        SiteChromeRule rule = new SiteChromeRule();
        String[] words = {"News", "World", "Opinion", "Sport", "Business", "home", "the", "Israel", "|", "•", "&",
            "2023", "12", "(Video)", "«Culture»", "Élysée", "sports", "US", "Health", "Contact"};
        int chrome = 0;
        for (String spaced : RandomTexts.of(7, 50_000, 1, 12, r -> " " + words[r.nextInt(words.length)])) {
            String line = spaced.substring(1);
            for (boolean atEdge : new boolean[] {true, false}) {
                if (rule.isChrome(line, atEdge)) {
                    chrome++;
                    assertThat(SiteChromeRule.mayBeChrome(Shapes.scan(line), atEdge)).as("[%s] at edge %s", line, atEdge)
                            .isTrue();
                }
            }
        }
        assertThat(chrome).as("lines judged chrome").isGreaterThan(1000);
    }
}
