package io.newsstream.launcher.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests an ordinary client refuses to send: raw {@code ..}
 * segments, invalid percent-encoding, oversized request lines and headers. One request per
 * connection ({@code Connection: close}); the answer is read to the end of the stream.
 */
final class RawHttp {

    private final int port;

    RawHttp(final int port) {
        this.port = port;
    }

    /** {@code GET target} exactly as given (no encoding, no normalisation). */
    Response get(final String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    /** {@code GET target} with one extra header line. */
    Response get(final String target, final String headerLine) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headerLine + "\r\nConnection: close\r\n\r\n",
                new byte[0]);
    }

    /** {@code POST target} with a JSON body and its Content-Length. */
    Response post(final String target, final byte[] body) throws IOException {
        return send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body);
    }

    /** Opens a connection for a test that writes at its own pace. */
    Socket open() throws IOException {
        final Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Any request head (ending in an empty line) followed by {@code body} bytes as given. */
    Response send(final String head, final byte[] body) throws IOException {
        try (Socket socket = open()) {
            final OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before the whole body is written.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(final InputStream in) throws IOException {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no end of answer within the socket timeout; so far: "
                    + all.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // A reset after the answer was written (the server closed with unread request bytes).
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(final byte[] raw) throws IOException {
        final String text = new String(raw, StandardCharsets.ISO_8859_1);
        final int split = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || split < 0) {
            throw new IOException("not an HTTP answer: " + text);
        }
        final String[] lines = text.substring(0, split).split("\r\n");
        final int status = Integer.parseInt(lines[0].substring(9, 12));
        final Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            final int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(final byte[] chunked) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            final String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            final int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** One answer: status, headers (names lower-case), body bytes. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            final String text = text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }
}
