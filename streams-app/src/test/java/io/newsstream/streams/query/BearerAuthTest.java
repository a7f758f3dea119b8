package io.newsstream.streams.query;

import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthTest {

    private static final String TOKEN = "s3cret-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private int start(final BearerAuth auth) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.beforeMatched("/api/*", auth::check);
            cfg.routes.get("/api/v1/thing", ctx -> ctx.json(Map.of("ok", true)));
            cfg.routes.get("/health/live", ctx -> ctx.result("UP"));
            cfg.routes.exception(UnauthorizedResponse.class,
                    (e, ctx) -> ctx.status(401).json(Map.of("status", 401, "message", e.getMessage())));
        });
        return app.start("127.0.0.1", 0).port();
    }

    private HttpResponse<String> get(final int port, final String path, final String authorization) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseApiCallsWithoutTheToken() throws Exception {
        final int port = start(new BearerAuth(TOKEN));

        final HttpResponse<String> response = get(port, "/api/v1/thing", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("bearer token").doesNotContain(TOKEN);
    }

    @Test
    void shouldRefuseAWrongToken() throws Exception {
        final int port = start(new BearerAuth(TOKEN));

        assertThat(get(port, "/api/v1/thing", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerWithTheRightTokenAndLeaveHealthOpen() throws Exception {
        final int port = start(new BearerAuth(TOKEN));

        assertThat(get(port, "/api/v1/thing", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(port, "/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldBeOpenWhenNoTokenIsConfigured() throws Exception {
        final int port = start(new BearerAuth(null));

        assertThat(get(port, "/api/v1/thing", null).statusCode()).isEqualTo(200);
    }
}
