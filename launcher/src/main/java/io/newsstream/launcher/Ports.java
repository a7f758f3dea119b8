package io.newsstream.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks ports before a component binds them, so a busy port is reported with the setting to change. */
final class Ports {

    private Ports() {
    }

    static void requireFree(final String host, final int port, final String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on " + host + " is already in use; set " + setting
                    + " to a free port");
        }
    }
}
