package io.newsstream.streams.topology;

import io.newsstream.schema.ArticleRef;
import io.newsstream.schema.CountryMention;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.EntityType;
import io.newsstream.schema.Entity;
import io.newsstream.schema.RecentArticles;
import io.newsstream.schema.TaggedArticle;
import org.apache.kafka.streams.KeyValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pure functions behind the per-country aggregates: how an article becomes one
 * {@link CountryMention} per country, and how mentions fold into tallies and recent lists.
 */
final class CountryAggregates {

    /** Newest first, then by id, so the order is total and the same on every instance. */
    static final Comparator<ArticleRef> NEWEST_FIRST = Comparator.comparing(ArticleRef::getEventTime).reversed()
            .thenComparing(ArticleRef::getId);

    private CountryAggregates() {
    }

    /** One record per country the article names or whose places it names, keyed by country. */
    static List<KeyValue<String, CountryMention>> explode(final TaggedArticle article) {
        final Map<String, Map<String, Integer>> placesByCountry = new HashMap<>();
        for (Entity e : article.getEntities()) {
            if (e.getType() == EntityType.PLACE && e.getCountry() != null) {
                final String place = e.getId() != null ? e.getId() : e.getText();
                placesByCountry.computeIfAbsent(e.getCountry(), c -> new HashMap<>()).merge(place, 1, Integer::sum);
            }
        }
        final TreeSet<String> countries = new TreeSet<>(article.getCountries().keySet());
        final TreeSet<String> all = new TreeSet<>(countries);
        all.addAll(placesByCountry.keySet());
        final List<KeyValue<String, CountryMention>> out = new ArrayList<>(all.size());
        for (String country : all) {
            final int mentions = article.getCountries().getOrDefault(country, 0);
            final List<String> others = mentions == 0 ? List.of()
                    : countries.stream().filter(c -> !c.equals(country)).toList();
            out.add(KeyValue.pair(country, CountryMention.newBuilder()
                    .setArticleId(article.getId())
                    .setTitle(article.getTitle())
                    .setEventTime(article.getEventTime())
                    .setMentions(mentions)
                    .setPlaces(placesByCountry.getOrDefault(country, Map.of()))
                    .setCoMentioned(others)
                    .build()));
        }
        return out;
    }

    static CountryTally emptyTally() {
        return new CountryTally("", new HashMap<>());
    }

    static CountryTally addPlaces(final String country, final CountryMention mention, final CountryTally tally) {
        return add(country, mention.getPlaces(), tally);
    }

    static CountryTally addCoMentions(final String country, final CountryMention mention, final CountryTally tally) {
        final Map<String, Integer> ones = new HashMap<>();
        mention.getCoMentioned().forEach(other -> ones.put(other, 1));
        return add(country, ones, tally);
    }

    private static CountryTally add(final String country, final Map<String, Integer> counts, final CountryTally tally) {
        final Map<String, Long> merged = new HashMap<>(tally.getCounts());
        counts.forEach((k, v) -> merged.merge(k, v.longValue(), Long::sum));
        return new CountryTally(country, merged);
    }

    /** Adds the article to the country's recent list, keeping the {@code bound} newest. */
    static RecentArticles addRecent(final CountryMention mention, final RecentArticles recent, final int bound) {
        if (mention.getMentions() == 0) {
            return recent;
        }
        final List<ArticleRef> list = new ArrayList<>(recent.getArticles().size() + 1);
        list.addAll(recent.getArticles());
        list.add(new ArticleRef(mention.getArticleId(), mention.getTitle(), mention.getEventTime()));
        list.sort(NEWEST_FIRST);
        return new RecentArticles(list.size() > bound ? new ArrayList<>(list.subList(0, bound)) : list);
    }
}
