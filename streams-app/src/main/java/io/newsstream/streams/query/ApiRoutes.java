package io.newsstream.streams.query;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.newsstream.streams.topology.StoreNames;
import io.newsstream.tag.Country;
import io.newsstream.tag.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Layer 3 of the query side: thin HTTP handlers over the {@link QueryRouter}. Parameters are
 * validated here (400 naming the parameter); errors are JSON, never a stack trace. Every list is
 * bounded by {@code limit} and article lists are paginated with a cursor.
 */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> WINDOW_STORES = Set.of(StoreNames.COUNTRY_COUNTS_HOURLY, StoreNames.COUNTRY_COUNTS_DAILY);
    private static final Set<String> TALLY_STORES = Set.of(StoreNames.PLACE_COUNTS, StoreNames.CO_MENTIONS);
    static final int MAX_LIMIT = 300;
    static final int MAX_POINTS = 1000;

    private final QueryRouter router;
    private final KnowledgeBase countries;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final BearerAuth auth;

    public ApiRoutes(final QueryRouter router, final KnowledgeBase countries, final Clock clock, final BooleanSupplier ready,
                     final BearerAuth auth) {
        this.router = router;
        this.countries = countries;
        this.clock = clock;
        this.ready = ready;
        this.auth = auth;
    }

    /** Mounts every route on the routes of an app being configured; tests mount the same routes. */
    public void mount(final JavalinDefaultRoutingApi app) {
        app.before(ApiRoutes::requireValidEncoding);
        app.beforeMatched("/api/*", ctx -> {
            auth.check(ctx);
            router.beginRequest();
        });
        app.after("/api/*", ctx -> router.staleness().ifPresent(why -> {
            ctx.header("X-Newsstream-Stale", "true");
            ctx.header("X-Newsstream-Stale-Reason", why);
        }));
        app.beforeMatched(QueryRouter.INTERNAL + "/*", auth::check);
        app.get("/api/v1/countries/top", taking(this::top, "limit", "window", "at"));
        app.get("/api/v1/countries/{code}", taking(this::country));
        app.get("/api/v1/countries/{code}/timeline", taking(this::timeline, "from", "to", "interval"));
        app.get("/api/v1/countries/{code}/related", taking(this::related, "limit", "window", "at"));
        app.get("/api/v1/countries/{code}/articles", taking(this::articles, "limit", "cursor"));
        app.get("/api/v1/articles/{id}", taking(this::article));
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", this::readiness);
        mountInternal(app);
        app.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage())); // 401, 406
        app.exception(StoreUnavailableException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("query failed: {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; see the server log");
        });
        app.error(404, ctx -> {
            if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
                error(ctx, 404, "no such resource: " + ctx.path());
            }
        });
    }

    // Internal endpoints answer from this instance's own partitions and never forward again, so two
    // instances with momentarily different views of ownership cannot bounce a request between them.
    private void mountInternal(final JavalinDefaultRoutingApi app) {
        final String in = QueryRouter.INTERNAL;
        // ?replica=any: the caller's active copy is gone, so a standby replica may answer.
        app.get(in + "/counts", ctx -> ctx.json(local(ctx).localAllTimeCounts()));
        app.get(in + "/window-sums/{store}", ctx -> ctx.json(local(ctx).localWindowSums(
                known(ctx.pathParam("store"), WINDOW_STORES), millis(ctx, "from"), millis(ctx, "to"))));
        app.get(in + "/count/{code}", ctx -> ctx.json(local(ctx).allTimeCount(ctx.pathParam("code"), null)));
        app.get(in + "/series/{store}/{code}", ctx -> ctx.json(local(ctx).windowSeries(
                known(ctx.pathParam("store"), WINDOW_STORES), ctx.pathParam("code"), millis(ctx, "from"), millis(ctx, "to"), null)));
        app.get(in + "/tally/{store}/{code}", ctx -> ctx.json(local(ctx).tally(
                known(ctx.pathParam("store"), TALLY_STORES), ctx.pathParam("code"), null)));
        app.get(in + "/windowed-tally/{store}/{code}", ctx -> ctx.json(local(ctx).windowedTally(
                known(ctx.pathParam("store"), Set.of(StoreNames.CO_MENTIONS_DAILY)), ctx.pathParam("code"),
                millis(ctx, "from"), millis(ctx, "to"), null)));
        app.get(in + "/recent/{code}", ctx -> ctx.json(local(ctx).recentArticles(ctx.pathParam("code"), null)
                .stream().map(QueryRouter::view).toList()));
        app.get(in + "/articles/{id}", ctx -> local(ctx).article(ctx.pathParam("id"), null).ifPresentOrElse(
                a -> ctx.contentType("application/json").result(ArticleJson.toJson(a)),
                () -> error(ctx, 404, "no article")));
    }

    private static void requireValidEncoding(final Context ctx) {
        if (!PercentEncoding.isValidUtf8(ctx.req().getRequestURI()) || !PercentEncoding.isValidUtf8(ctx.queryString())) {
            throw new BadRequestException("the request path or query string is not valid percent-encoded UTF-8");
        }
    }

    private StoreQueries local(final Context ctx) {
        return router.local("any".equals(ctx.queryParam("replica")));
    }

    private void top(final Context ctx) {
        final int limit = intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        final Duration span = QueryWindows.span(ctx.queryParam("window"), "window");
        final Map<String, Long> counts;
        if (span == null) {
            counts = router.allTimeCounts();
        } else {
            final Instant at = QueryWindows.instant(ctx.queryParam("at"), "at", clock.instant());
            final String store = QueryWindows.countStoreFor(span);
            counts = router.windowSums(store, QueryWindows.ceil(at.minus(span), QueryWindows.sizeOf(store)), at);
        }
        ctx.json(CountryRanking.top(counts, limit, this::name));
    }

    private void country(final Context ctx) {
        final Country country = knownCountry(ctx);
        final Instant now = clock.instant();
        final String code = country.code();
        final long last24h = sum(router.series(StoreNames.COUNTRY_COUNTS_HOURLY, code,
                QueryWindows.ceil(now.minus(Duration.ofHours(24)), QueryWindows.HOUR), now));
        final long last7d = sum(router.series(StoreNames.COUNTRY_COUNTS_HOURLY, code,
                QueryWindows.ceil(now.minus(Duration.ofDays(7)), QueryWindows.HOUR), now));
        ctx.json(new ApiViews.CountryView(code, country.name(), router.allTimeCount(code), last24h, last7d,
                router.tally(StoreNames.PLACE_COUNTS, code)));
    }

    private void timeline(final Context ctx) {
        final Country country = knownCountry(ctx);
        final String interval = ctx.queryParamAsClass("interval", String.class).getOrDefault("P1D");
        if (!interval.equals("P1D") && !interval.equals("PT1H")) {
            throw new BadRequestException("query parameter 'interval' must be PT1H or P1D, was '" + QueryWindows.abbreviate(interval) + "'");
        }
        final String store = interval.equals("PT1H") ? StoreNames.COUNTRY_COUNTS_HOURLY : StoreNames.COUNTRY_COUNTS_DAILY;
        final Duration size = QueryWindows.sizeOf(store);
        final Instant to = QueryWindows.floor(QueryWindows.instant(ctx.queryParam("to"), "to", clock.instant()), size);
        final Instant from = QueryWindows.floor(QueryWindows.instant(ctx.queryParam("from"), "from",
                to.minus(size.multipliedBy(29))), size);
        if (from.isAfter(to)) {
            throw new BadRequestException("query parameter 'from' must not be after 'to'");
        }
        if (Duration.between(from, to).dividedBy(size) >= MAX_POINTS) {
            throw new BadRequestException("query parameters 'from'..'to' span more than " + MAX_POINTS + " points of " + interval);
        }
        final Map<Long, Long> series = router.series(store, country.code(), from, to);
        final List<ApiViews.PointView> points = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(size)) {
            points.add(new ApiViews.PointView(t, series.getOrDefault(t.toEpochMilli(), 0L)));
        }
        ctx.json(new ApiViews.TimelineView(country.code(), interval, from, to, points));
    }

    private void related(final Context ctx) {
        final Country country = knownCountry(ctx);
        final int limit = intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        final Duration span = QueryWindows.span(ctx.queryParam("window"), "window");
        final Map<String, Long> together;
        if (span == null) {
            together = router.tally(StoreNames.CO_MENTIONS, country.code());
        } else {
            final Instant at = QueryWindows.instant(ctx.queryParam("at"), "at", clock.instant());
            together = router.windowedTally(StoreNames.CO_MENTIONS_DAILY, country.code(),
                    QueryWindows.ceil(at.minus(span), QueryWindows.DAY), at);
        }
        ctx.json(CountryRanking.top(together, limit, this::name));
    }

    private void articles(final Context ctx) {
        final Country country = knownCountry(ctx);
        final int limit = intParam(ctx, "limit", 20, 1, 100);
        final String rawCursor = ctx.queryParam("cursor");
        final ArticleCursor after = rawCursor == null || rawCursor.isEmpty() ? null : ArticleCursor.decode(rawCursor);
        final List<ApiViews.ArticleRefView> page = new ArrayList<>(limit);
        boolean more = false;
        for (ApiViews.ArticleRefView ref : router.recentArticles(country.code())) {
            if (after != null && !after.isBefore(ref)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(ref);
        }
        final ApiViews.ArticleRefView last = page.isEmpty() ? null : page.get(page.size() - 1);
        ctx.json(new ApiViews.ArticlePageView(page, more ? new ArticleCursor(last.eventTime(), last.id()).encode() : null));
    }

    private void article(final Context ctx) {
        final String id = ctx.pathParam("id");
        if (id.length() > 512) {
            throw new BadRequestException("path parameter 'id' is longer than 512 characters");
        }
        router.article(id).ifPresentOrElse(
                a -> ctx.json(ApiViews.ArticleView.of(a)),
                () -> error(ctx, 404, "no article with id '" + QueryWindows.abbreviate(id) + "'"));
    }

    private void readiness(final Context ctx) {
        final boolean up = ready.getAsBoolean();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    /** The country named by the {@code code} path parameter; 400 when malformed, 404 when unknown. */
    private Country knownCountry(final Context ctx) {
        final String raw = ctx.pathParam("code");
        if (!COUNTRY_CODE.matcher(raw).matches()) {
            throw new BadRequestException("path parameter 'code' must be an ISO 3166-1 alpha-2 code such as AZ, was '"
                    + QueryWindows.abbreviate(raw) + "'");
        }
        final String code = raw.toUpperCase(Locale.ROOT);
        return countries.country(code).filter(c -> !"historical".equals(c.status()))
                .orElseThrow(() -> new NotFoundException("unknown country code '" + code + "'"));
    }

    private String name(final String code) {
        return countries.country(code).map(Country::name).orElse(code);
    }

    private static long sum(final Map<Long, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String known(final String store, final Set<String> allowed) {
        if (!allowed.contains(store)) {
            throw new BadRequestException("unknown store '" + QueryWindows.abbreviate(store) + "'");
        }
        return store;
    }

    /**
     * The handler, after refusing a query parameter it does not read: a misspelt one
     * ({@code timeline?window=P7D} for {@code from}) would otherwise get the defaults' answer as if
     * it had been understood.
     */
    private static Handler taking(final Handler handler, final String... params) {
        final Set<String> known = Set.of(params);
        final String takes = params.length == 0 ? "it takes none" : "it takes " + String.join(", ", params);
        return ctx -> {
            for (String name : ctx.queryParamMap().keySet()) {
                if (!known.contains(name)) {
                    throw new BadRequestException("unknown query parameter '" + QueryWindows.abbreviate(name) + "' for "
                            + ctx.endpoint().path + "; " + takes);
                }
            }
            handler.handle(ctx);
        };
    }

    static int intParam(final Context ctx, final String name, final int fallback, final int min, final int max) {
        final String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            final int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new BadRequestException("query parameter '" + name + "' must be between " + min + " and " + max
                        + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestException("query parameter '" + name + "' must be an integer, was '"
                    + QueryWindows.abbreviate(raw) + "'");
        }
    }

    private static Instant millis(final Context ctx, final String name) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(String.valueOf(ctx.queryParam(name))));
        } catch (NumberFormatException e) {
            throw new BadRequestException("query parameter '" + name + "' must be epoch milliseconds");
        }
    }

    private static void error(final Context ctx, final int status, final String message) {
        ctx.status(status).json(new ApiViews.ErrorView(status, message));
    }
}
