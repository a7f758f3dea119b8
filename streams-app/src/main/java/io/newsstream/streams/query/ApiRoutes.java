package io.newsstream.streams.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsstream.streams.topology.StoreNames;
import io.newsstream.tag.Country;
import io.newsstream.tag.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Layer 3 of the query side: thin HTTP handlers over the {@link QueryRouter}. Parameters are
 * validated here (400 naming the parameter); errors are JSON, never a stack trace.
 */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> WINDOW_STORES = Set.of(StoreNames.COUNTRY_COUNTS_HOURLY, StoreNames.COUNTRY_COUNTS_DAILY);
    static final int MAX_LIMIT = 300;

    private final QueryRouter router;
    private final KnowledgeBase countries;
    private final Clock clock;
    private final BooleanSupplier ready;

    public ApiRoutes(final QueryRouter router, final KnowledgeBase countries, final Clock clock, final BooleanSupplier ready) {
        this.router = router;
        this.countries = countries;
        this.clock = clock;
        this.ready = ready;
    }

    /** Mounts every route on {@code app}; tests mount the same routes. */
    public Javalin mount(final Javalin app) {
        app.get("/api/v1/countries/top", this::top);
        app.get("/api/v1/countries/{code}", this::country);
        app.get("/api/v1/articles/{id}", this::article);
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", this::readiness);
        app.get(QueryRouter.INTERNAL + "/counts", ctx -> ctx.json(router.local().localAllTimeCounts()));
        app.get(QueryRouter.INTERNAL + "/counts/{code}", this::internalCount);
        app.get(QueryRouter.INTERNAL + "/windowed/{store}/{code}", this::internalWindowed);
        app.get(QueryRouter.INTERNAL + "/articles/{id}", this::internalArticle);
        app.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
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
        return app;
    }

    private void top(final Context ctx) {
        final int limit = intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        ctx.json(CountryRanking.top(router.allTimeCounts(), limit, this::name));
    }

    private void country(final Context ctx) {
        final Country country = knownCountry(ctx);
        if (country == null) {
            return;
        }
        final Instant now = clock.instant();
        final String code = country.code();
        final long last24h = router.windowedCount(StoreNames.COUNTRY_COUNTS_HOURLY, code, now.minus(Duration.ofHours(23)), now);
        final long last7d = router.windowedCount(StoreNames.COUNTRY_COUNTS_DAILY, code, now.minus(Duration.ofDays(6)), now);
        ctx.json(new ApiViews.CountryView(code, country.name(), router.allTimeCount(code), last24h, last7d));
    }

    private void article(final Context ctx) {
        final String id = ctx.pathParam("id");
        router.article(id).ifPresentOrElse(
                a -> ctx.json(ApiViews.ArticleView.of(a)),
                () -> error(ctx, 404, "no article with id '" + id + "'"));
    }

    private void readiness(final Context ctx) {
        final boolean up = ready.getAsBoolean();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    // Internal endpoints answer from this instance's own partitions and never forward again, so two
    // instances with momentarily different views of ownership cannot bounce a request between them.
    private void internalCount(final Context ctx) {
        ctx.json(router.local().allTimeCount(ctx.pathParam("code"), null));
    }

    private void internalWindowed(final Context ctx) {
        final String store = ctx.pathParam("store");
        if (!WINDOW_STORES.contains(store)) {
            throw new BadRequestException("unknown window store '" + store + "'");
        }
        final Instant from = Instant.ofEpochMilli(longParam(ctx, "from"));
        final Instant to = Instant.ofEpochMilli(longParam(ctx, "to"));
        ctx.json(router.local().windowedCount(store, ctx.pathParam("code"), from, to, null));
    }

    private void internalArticle(final Context ctx) {
        router.local().article(ctx.pathParam("id"), null).ifPresentOrElse(
                a -> ctx.contentType("application/json").result(ArticleJson.toJson(a)),
                () -> error(ctx, 404, "no article"));
    }

    /** The country named by the {@code code} path parameter, or null after answering 400/404. */
    private Country knownCountry(final Context ctx) {
        final String raw = ctx.pathParam("code");
        if (!COUNTRY_CODE.matcher(raw).matches()) {
            throw new BadRequestException("path parameter 'code' must be an ISO 3166-1 alpha-2 code such as AZ, was '"
                    + abbreviate(raw) + "'");
        }
        final String code = raw.toUpperCase(Locale.ROOT);
        final Country country = countries.country(code).orElse(null);
        if (country == null || "historical".equals(country.status())) {
            error(ctx, 404, "unknown country code '" + code + "'");
            return null;
        }
        return country;
    }

    private String name(final String code) {
        return countries.country(code).map(Country::name).orElse(code);
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
            throw new BadRequestException("query parameter '" + name + "' must be an integer, was '" + abbreviate(raw) + "'");
        }
    }

    private static long longParam(final Context ctx, final String name) {
        final String raw = ctx.queryParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestException("query parameter '" + name + "' must be an integer");
        }
    }

    private static String abbreviate(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static void error(final Context ctx, final int status, final String message) {
        ctx.status(status).json(new ApiViews.ErrorView(status, message));
    }
}
