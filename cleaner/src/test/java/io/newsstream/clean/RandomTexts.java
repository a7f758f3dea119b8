package io.newsstream.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Test helper: reproducible random strings for the property tests that hold a fast path to the
 * general one (the key scan, plain lines, the chrome gate, the ASCII language profile). Each
 * string is a run of pieces drawn by the test's own function.
 */
final class RandomTexts {

    private RandomTexts() {
    }

    /** {@code count} strings of {@code minPieces} to {@code maxPieces} pieces each, from the seed. */
    static List<String> of(long seed, int count, int minPieces, int maxPieces, Function<Random, String> piece) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder b = new StringBuilder();
            int len = minPieces + random.nextInt(maxPieces - minPieces + 1);
            for (int i = 0; i < len; i++) {
                b.append(piece.apply(random));
            }
            out.add(b.toString());
        }
        return out;
    }
}
