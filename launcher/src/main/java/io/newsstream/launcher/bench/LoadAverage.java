package io.newsstream.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average from {@code /proc/loadavg}, printed beside every figure (the machine is shared). */
final class LoadAverage {

    private LoadAverage() {
    }

    static String now() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
