package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    private static final String PROSE = Cleaning.PROSE;
    private static final String PROSE2 = Cleaning.PROSE2;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldKeepParagraphsHeadingsListItemsAndQuotesAsParagraphs() {
        String html = "<html><body><article><p>" + PROSE + "</p><h2>The energy deal</h2><ul><li>Oil</li>"
                + "<li>Gas</li></ul><blockquote>\u201CWe came to talk about the next thirty years.\u201D"
                + "</blockquote><p>" + PROSE2 + "</p></article></body></html>";
        assertThat(cleaning.article(null, html, "text/html").text()).isEqualTo(PROSE + "\n\nThe energy deal\n\nOil\n\n"
                + "Gas\n\n\u201CWe came to talk about the next thirty years.\u201D\n\n" + PROSE2);
    }

    @Test
    void shouldDropScriptStyleNavAsideFooterFormAndFigcaption() {
        String html = "<html><head><style>p { color: red; }</style><script>var x = 1;</script></head><body>"
                + "<nav>Home World Politics</nav><header>Site header</header><p>" + PROSE + "</p>"
                + "<figure><img src=a.jpg><figcaption>Flag of Azerbaijan (credit: REUTERS)</figcaption></figure>"
                + "<aside>Most read</aside><form>Search</form><noscript>Enable JS</noscript><p>" + PROSE2 + "</p>"
                + "<footer>Copyright</footer><iframe src=x></iframe></body></html>";
        CleanedText article = cleaning.article(null, html, "text/html; charset=utf-8");
        assertThat(article.text()).isEqualTo(PROSE + "\n\n" + PROSE2);
        assertThat(article.removals()).extracting(RuleRemoval::rule).contains("html-markup");
    }

    @Test
    void shouldDropElementsWhoseClassOrIdNamesFurniture() {
        String html = "<div class=\"story\"><p>" + PROSE + "</p><div class=\"ad-slot\">Buy now</div>"
                + "<div id=\"share-bar\">Share</div><section class=\"related-articles\"><p>Other story about "
                + "Iran.</p></section><div class=\"newsletter_box\">Sign up</div><p>" + PROSE2 + "</p></div>";
        assertThat(cleaning.article(null, html, "text/html").text()).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldKeepElementsWhoseClassOnlyContainsAFurnitureWordInsideAnother() {
        String html = "<div class=\"reader-header shadow\"><p>" + PROSE + "</p></div>"
                + "<div class=\"downloads\"><p>" + PROSE2 + "</p></div>";
        assertThat(cleaning.article(null, html, "text/html").text()).isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldNeverDropTheArticleElementForItsClass() {
        String html = "<body><article class=\"post has-comments share-enabled\"><p>" + PROSE + "</p></article></body>";
        assertThat(cleaning.article(null, html, "text/html").text()).isEqualTo(PROSE);
    }

    @Test
    void shouldTakeWireCopyWithCompanyNamesInAngleBracketsAsPlainText() {
        // Reuters marks company names so; "<Br", "<Div", "<Span", "<Ul" and "<Head" start names too.
        for (String name : new String[] {"Bryson Oil and Gas Plc", "Diversified Diagnostic Industries Inc",
            "Spanish Broadcasting Corp", "Ultramar Plc", "Headway Corp", "Tableau Ltd", "Brent Walker Group Plc"}) {
            assertThat(HtmlExtractor.looksLikeHtml("<" + name + "> said it paid a cash consideration.", null))
                    .as(name).isFalse();
        }
        String body = "<Bryson Oil and Gas Plc> said it paid a cash consideration of around\n"
                + "5.4 mln dlrs for about 8.6 pct of <Cenergy Corp>, a U.S. Oil and gas\n"
                + "exploration and production company, whose shares <BRYA.WE> fell.\n"
                + "    Bryson said its board has been considering a number of possible\n"
                + "investments to expand the company's interests in the United States.\n";
        assertThat(cleaning.text(body)).isEqualTo("<Bryson Oil and Gas Plc> said it paid a cash consideration of"
                + " around 5.4 mln dlrs for about 8.6 pct of <Cenergy Corp>, a U.S. Oil and gas exploration and"
                + " production company, whose shares <BRYA.WE> fell.\n\nBryson said its board has been considering"
                + " a number of possible investments to expand the company's interests in the United States.");
    }

    @Test
    void shouldSniffEachTagByItsWholeName() {
        for (String html : new String[] {"<br>x", "<BR/>x", "<br />x", "<div class=\"story\">x", "<p>x",
            "<P\tclass=a>x", "<span>x", "<!DOCTYPE html><title>x</title>", "<head>", "<x>a</x><ul>\n<li>x"}) {
            assertThat(HtmlExtractor.looksLikeHtml(html, null)).as(html).isTrue();
        }
        assertThat(HtmlExtractor.looksLikeHtml("<Brent Walker> said <br", null)).isFalse();
        assertThat(HtmlExtractor.looksLikeHtml("Text with <div> later", null)).isFalse();
    }

    @Test
    void shouldSniffHtmlWhenContentTypeIsMissing() {
        assertThat(cleaning.text("  <div><p>" + PROSE + "</p><p>" + PROSE2 + "</p></div>"))
                .isEqualTo(PROSE + "\n\n" + PROSE2);
    }

    @Test
    void shouldTreatTextStartingWithAngleBracketTickerAsPlainText() {
        String wire = "<BP> said it will sell its stake in the venture, the company said on Monday.";
        assertThat(cleaning.text(wire)).isEqualTo(wire);
    }

    @Test
    void shouldTreatHtmlDeclaredAsPlainTextAsPlainText() {
        String text = "<p> is the paragraph tag, the style guide explains to new web editors.";
        assertThat(cleaning.article(null, text, "text/plain").text()).isEqualTo(text);
    }

    @Test
    void shouldTakeFirstH1AsTitleAndNotRepeatIt() {
        String html = "<html><body><h1>Envoys join celebration</h1><p>" + PROSE + "</p></body></html>";
        CleanedText article = cleaning.article(null, html, "text/html");
        assertThat(article.title()).isEqualTo("Envoys join celebration");
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldApplyTextRulesAfterExtraction() {
        String html = "<p>By DANA REGEV</p><p>" + PROSE + "</p><p>Share on Facebook</p><p>Exit mobile version</p>";
        CleanedText article = cleaning.article(null, html, "text/html");
        assertThat(article.author()).isEqualTo("DANA REGEV");
        assertThat(article.text()).isEqualTo(PROSE);
    }

    @Test
    void shouldKeepLineBreaksFromBrInsideParagraph() {
        String html = "<p>" + PROSE + "<br>" + PROSE2 + "</p>";
        assertThat(cleaning.article(null, html, "text/html").text()).isEqualTo(PROSE + "\n\n" + PROSE2);
    }
}
