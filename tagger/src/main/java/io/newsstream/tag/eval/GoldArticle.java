package io.newsstream.tag.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One labelled article of the evaluation format (see /work/shared/eval/README.md): its text,
 * gold toponym mentions with offsets into the text, and the set of countries named at country
 * level.
 */
record GoldArticle(String id, String title, String text, List<GoldMention> mentions, Set<String> countries) {

    /** A gold toponym: {@code level} is "country" for the country itself, "place" for places in it. */
    record GoldMention(int start, int end, String text, String country, String level) {

        boolean countryLevel() {
            return "country".equals(level);
        }

        boolean placeLevel() {
            return "place".equals(level);
        }
    }

    static GoldArticle from(JsonNode node) {
        List<GoldMention> mentions = new ArrayList<>();
        for (JsonNode m : node.path("mentions")) {
            mentions.add(new GoldMention(m.path("start").asInt(), m.path("end").asInt(), m.path("text").asText(),
                    m.path("country").asText(null), m.path("level").asText("")));
        }
        Set<String> countries = new LinkedHashSet<>();
        for (JsonNode c : node.path("countries")) {
            countries.add(c.asText());
        }
        JsonNode title = node.get("title");
        return new GoldArticle(node.path("id").asText(), title == null || title.isNull() ? null : title.asText(),
                node.path("text").asText(""), mentions, countries);
    }
}
