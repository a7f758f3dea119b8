package io.newsstream.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code newsstream probe URL}: exits 0 when the URL answers 200. The container image has no
 * curl or wget (it is built from scratch), so health checks use this.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Exit 0 when URL answers HTTP 200 (for health checks).")
final class ProbeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL")
    URI url;

    @Override
    public Integer call() {
        try {
            final HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
            return 1;
        }
    }
}
