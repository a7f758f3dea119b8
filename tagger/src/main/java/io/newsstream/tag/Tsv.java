package io.newsstream.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the UTF-8, tab-separated resource files of the knowledge base and the rules: lines
 * starting with {@code #} and blank lines are skipped, missing trailing cells read as empty,
 * multi-valued cells are separated by {@code |} and flag cells by {@code ,}.
 */
final class Tsv {

    private Tsv() {
    }

    /** Rows of a classpath resource, or empty when the resource does not exist. */
    static Optional<List<String[]>> read(String resource, int columns) {
        ClassLoader loader = Tsv.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), Math.max(columns, 1));
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i] == null ? "" : cells[i].strip();
                }
                rows.add(cells);
            }
            return Optional.of(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String[]> require(String resource, int columns) {
        return read(resource, columns)
                .orElseThrow(() -> new IllegalStateException("missing classpath resource " + resource));
    }

    /** The non-empty lines of a one-column resource (a word list). */
    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String[] row : require(resource, 1)) {
            if (!row[0].isEmpty()) {
                out.add(row[0]);
            }
        }
        return out;
    }

    static List<String> values(String cell) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : cell.split("\\|")) {
            if (!value.isBlank()) {
                out.add(value.strip());
            }
        }
        return out;
    }

    static Set<String> flags(String cell) {
        if (cell.isEmpty()) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        for (String flag : cell.replace('|', ',').split(",")) {
            if (!flag.isBlank()) {
                out.add(flag.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }
}
