package io.newsstream.streams.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Orders countries by count, largest first, ties by code, so every instance ranks alike. */
public final class CountryRanking {

    private CountryRanking() {
    }

    public static List<ApiViews.CountryCountView> top(final Map<String, Long> counts, final int limit,
                                                      final Function<String, String> names) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new ApiViews.CountryCountView(e.getKey(), names.apply(e.getKey()), e.getValue()))
                .toList();
    }
}
