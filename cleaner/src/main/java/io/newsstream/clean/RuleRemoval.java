package io.newsstream.clean;

/**
 * What one rule removed from one article: the number of segments (lines, paragraphs,
 * HTML elements or characters, depending on the rule) and the number of characters.
 */
public record RuleRemoval(String rule, int segments, int chars) {
}
