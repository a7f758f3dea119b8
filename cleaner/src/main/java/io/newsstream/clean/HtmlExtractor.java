package io.newsstream.clean;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text with jsoup: drops non-content elements (scripts, navigation, forms,
 * figure captions...) and elements whose class or id names an ad, share bar, newsletter box
 * and so on ({@code rules/html-drop-tags.txt}, {@code rules/html-junk-classes.txt}); block
 * elements become paragraphs separated by a blank line, {@code <br>} a line break. jsoup parses
 * and we traverse without recursion, so deep nesting costs linear time.
 */
final class HtmlExtractor {

    static final String RULE = "html-markup";

    /** Extracted text, the first {@code <h1>} (or {@code <title>}) as a headline, elements dropped. */
    record Extracted(String text, String headline, int droppedElements) {
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2",
            "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "dd", "dt", "dl",
            "figure", "header", "footer", "address", "body", "td", "th", "hr");
    /** Never dropped for their class: they hold the article itself. */
    private static final Set<String> CONTAINERS = Set.of("html", "body", "main", "article");

    private final Set<String> dropTags;
    private final Set<String> junkTokens;

    /** Tags whose presence near the start makes an untyped body HTML ({@link #looksLikeHtml}). */
    private static final List<String> SNIFFED_TAGS = List.of("html", "body", "head", "p", "div", "br", "article",
            "h1", "h2", "span", "section", "ul", "table");

    HtmlExtractor() {
        this.dropTags = new HashSet<>(RuleResources.lines("html-drop-tags.txt"));
        this.junkTokens = new HashSet<>(RuleResources.lines("html-junk-classes.txt"));
    }

    /**
     * Whether a body is HTML: its content type says so, or, without one, it starts with {@code <}
     * and its first 4 KiB hold a doctype or one of {@link #SNIFFED_TAGS} as a whole tag name.
     */
    static boolean looksLikeHtml(String body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            return contentType.toLowerCase(Locale.ROOT).contains("html");
        }
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != '<') {
            return false;
        }
        String head = body.substring(i, Math.min(body.length(), i + 4096)).toLowerCase(Locale.ROOT);
        if (head.contains("<!doctype html")) {
            return true;
        }
        for (String tag : SNIFFED_TAGS) {
            if (hasTag(head, tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code <tag} occurs where the name ends: at {@code >}, {@code /} or whitespace, as in
     * {@code <br>}, {@code <br/>} or {@code <div class=...>}. Reuters wire copy marks company
     * names with angle brackets ("<Bryson Oil and Gas Plc> said ..."), which a bare prefix match
     * took for {@code <br} and {@code <div}, so jsoup dropped the names as unknown tags.
     */
    private static boolean hasTag(String lowerHead, String tag) {
        String open = "<" + tag;
        for (int at = lowerHead.indexOf(open); at >= 0; at = lowerHead.indexOf(open, at + 1)) {
            int end = at + open.length();
            if (end == lowerHead.length()) {
                return false; // cut off at the end of the head: not enough to tell
            }
            char next = lowerHead.charAt(end);
            if (next == '>' || next == '/' || Character.isWhitespace(next)) {
                return true;
            }
        }
        return false;
    }

    Extracted extract(String html) {
        Document doc = Jsoup.parse(html);
        String headline = firstText(doc, "h1");
        if (headline == null) {
            headline = firstText(doc, "title");
        }
        int[] dropped = {0};
        doc.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && isJunk(el)) {
                    dropped[0]++;
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        StringBuilder out = new StringBuilder(html.length() / 2);
        int[] pre = {0};
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    appendText(out, t.getWholeText(), pre[0] > 0);
                } else if (node instanceof Element el) {
                    String tag = el.normalName();
                    if ("br".equals(tag)) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    }
                    if ("pre".equals(tag)) {
                        pre[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    } else if ("td".equals(tag) || "th".equals(tag)) {
                        out.append(' ');
                    }
                    if ("pre".equals(tag)) {
                        pre[0]--;
                    }
                }
            }
        });
        return new Extracted(out.toString(), headline, dropped[0]);
    }

    private boolean isJunk(Element el) {
        String tag = el.normalName();
        if (dropTags.contains(tag)) {
            return true;
        }
        if (CONTAINERS.contains(tag)) {
            return false;
        }
        if ("true".equalsIgnoreCase(el.attr("hidden")) || el.hasAttr("hidden")
                || "true".equals(el.attr("aria-hidden"))) {
            return true;
        }
        return hasJunkToken(el.className()) || hasJunkToken(el.id());
    }

    /** Class and id are split into words on anything but letters, so "ad-slot" hits "ad" and "header" does not. */
    private boolean hasJunkToken(String attr) {
        if (attr.isEmpty()) {
            return false;
        }
        String lower = attr.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (junkTokens.contains(lower.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    private static String firstText(Document doc, String tag) {
        Element el = doc.selectFirst(tag);
        if (el == null) {
            return null;
        }
        String t = el.text().strip();
        return t.isEmpty() ? null : t;
    }

    private static void appendText(StringBuilder out, String text, boolean preformatted) {
        if (preformatted) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
    }
}
