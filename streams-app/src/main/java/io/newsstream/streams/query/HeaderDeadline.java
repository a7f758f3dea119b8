package io.newsstream.streams.query;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP connections that take too long to send a request's headers. Jetty 12 has an idle
 * timeout, which a client sending one byte a second never reaches, and a minimum data rate for
 * request bodies, but no header timeout, so one such client per worker thread ("slowloris") would
 * hold the server. It reads the parser state of Jetty's HTTP/1.1 connection, which Jetty 12 keeps
 * in an internal package: {@code HostileInputIT} checks that a slow-header client is still cut off,
 * so a Jetty upgrade that changes it fails the build rather than the defence.
 *
 * <p>Each connection is looked at every {@code timeout}. One found part-way through the headers
 * of the same request at two looks in a row is closed: headers get at least {@code timeout}, and a
 * slow client is gone within twice that. Idle keep-alive connections (no byte of a next request
 * yet) are left to the idle timeout. Added to a connector as a {@link Connection.Listener}.
 */
public final class HeaderDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final long NONE = -1;

    private final long timeoutMs;

    public HeaderDeadline(final Duration timeout) {
        this.timeoutMs = timeout.toMillis();
    }

    @Override
    public void onOpened(final Connection connection) {
        if (connection instanceof HttpConnection http) {
            lookLater(http, NONE);
        }
    }

    @Override
    public void onClosed(final Connection connection) {
        // The next look sees the closed end point and stops.
    }

    private void lookLater(final HttpConnection http, final long partialRequest) {
        http.getConnector().getScheduler().schedule(() -> look(http, partialRequest), timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** {@code partialRequest}: the request number that was part-way through its headers at the last look, or NONE. */
    private void look(final HttpConnection http, final long partialRequest) {
        if (!http.getEndPoint().isOpen()) {
            return;
        }
        final HttpParser parser = http.getParser();
        final boolean inHeaders = parser.inHeaderState() && !parser.isStart();
        final long request = http.getMessagesIn();
        if (inHeaders && request == partialRequest) {
            LOG.debug("closing {}: request headers not complete after {} ms", http.getEndPoint().getRemoteSocketAddress(),
                    timeoutMs);
            http.getEndPoint().close();
            return;
        }
        lookLater(http, inHeaders ? request : NONE);
    }
}
