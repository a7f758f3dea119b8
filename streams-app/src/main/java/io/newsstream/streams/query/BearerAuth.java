package io.newsstream.streams.query;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <token>} in constant time; absent token means open. */
public final class BearerAuth {

    private final byte[] expected;

    public BearerAuth(final String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return expected != null;
    }

    /** The header value instances send to each other, or null when open. */
    public String header() {
        return expected == null ? null : new String(expected, StandardCharsets.UTF_8);
    }

    public void check(final Context ctx) {
        if (expected == null) {
            return;
        }
        final String given = ctx.header("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid bearer token is required");
        }
    }
}
