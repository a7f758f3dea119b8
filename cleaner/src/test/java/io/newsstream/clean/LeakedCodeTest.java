package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeakedCodeTest {

    private static final String PROSE = Cleaning.PROSE;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropJavaScriptLines() {
        String code = "document.getElementById('article-comments').addEventListener('click', function (e) { load(e); });\n"
                + "var slots = [].slice.call(document.querySelectorAll('.ad-slot'));\n"
                + "window.dataLayer = window.dataLayer || [];\n"
                + "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });";
        CleanedText article = cleaning.article(PROSE + "\n" + code);
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).contains(new RuleRemoval("leaked-code", 4, code.length() - 3));
    }

    @Test
    void shouldDropCssRules() {
        assertThat(cleaning.text(PROSE + "\n.ad-slot { display: none; margin: 0 auto; }\n{ display: none; }"))
                .isEqualTo(PROSE);
    }

    @Test
    void shouldDropMultiLineFunctionBlock() {
        String body = PROSE + "\nfunction (v, i) {\nif (v) {\nreturn i;\n}\nconsole.log(v);\n}\n" + Cleaning.PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldEndAnUnclosedBlockAtTheNextProseParagraph() {
        String body = PROSE + "\nvar config = {\n" + Cleaning.PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldKeepProseThatNamesJavaScript() {
        String sentence = "Engineers said the site's document.write call, added in 2019, broke the page for "
                + "readers using older browsers.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).endsWith(sentence);
    }

    @Test
    void shouldKeepProseWithParenthesesAndSemicolons() {
        String sentence = "Exports rose (by 4%); imports fell; the deficit narrowed to $2 billion (from $3 billion).";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).endsWith(sentence);
    }

    @Test
    void shouldKeepWordsThatContainCodeMarkers() {
        String row = "Venezuelan Bolivar N/A (5.08749)";
        assertThat(cleaning.text(PROSE + "\n" + row)).endsWith(row);
    }
}
