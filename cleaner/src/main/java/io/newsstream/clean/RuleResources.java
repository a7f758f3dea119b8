package io.newsstream.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rule files under {@code /rules} (format in {@code rules/README.md}): UTF-8,
 * one entry a line, {@code #} starts a comment line, blank lines ignored, TSV columns
 * separated by a single tab.
 */
final class RuleResources {

    private RuleResources() {
    }

    static List<String> lines(String name) {
        String path = "/rules/" + name;
        try (InputStream in = RuleResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing rule resource " + path);
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(stripCarriageReturn(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + path, e);
        }
    }

    /** TSV rows with exactly {@code columns} columns; a malformed row fails loading with its line. */
    static List<String[]> rows(String name, int columns) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(name)) {
            String[] cols = line.split("\t", -1);
            if (cols.length != columns) {
                throw new IllegalStateException("rules/" + name + ": expected " + columns
                        + " tab-separated columns in: " + line);
            }
            out.add(cols);
        }
        return out;
    }

    /** Trailing spaces are kept: a marker such as "var " needs its space. */
    private static String stripCarriageReturn(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
