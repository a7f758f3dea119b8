package io.newsstream.clean.bench;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Two builds of the cleaner in one JVM, timed in alternating turns on the same articles: this
 * build and another one (its classes directory or jar, say from a {@code git worktree} of an
 * earlier commit). On a shared machine whose speed moves by a third from one minute to the
 * next, separate runs of {@link CleanBenchmark} cannot show a change of a few per cent; turns
 * of a second each, both sides under the same conditions, can. It prints each build's digest of
 * its outcomes (as {@link CleanBenchmark} does), the mean time per article of each, and the
 * median and quartiles of the per-turn ratio.
 *
 * <p>Each build's {@code io.newsstream.clean} classes and {@code rules/} files are loaded from
 * its own location ahead of the class path; the libraries they use (lingua, jsoup, Jackson)
 * are shared. Both sides are called the same way, through reflection.
 */
final class BuildComparison {

    private static final String CLEANER_PACKAGE = "io.newsstream.clean.";
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final long TURN_NANOS = 1_000_000_000L;

    /** One article as the benchmark read it. */
    record Article(String title, String body, String contentType, String source) {
    }

    private BuildComparison() {
    }

    static void run(Path other, List<Article> articles, long bytes, int rounds)
            throws IOException, ReflectiveOperationException {
        if (rounds < 4) {
            throw new IllegalArgumentException("--rounds must be at least 4 for quartiles, was " + rounds);
        }
        if (!Files.exists(other)) {
            throw new IllegalArgumentException("--against " + other + ": no such directory or jar");
        }
        URL self = BuildComparison.class.getProtectionDomain().getCodeSource().getLocation();
        Build mine = new Build(self, articles);
        Build theirs = new Build(other.toUri().toURL(), articles);
        String myDigest = mine.digest();
        String theirDigest = theirs.digest();
        System.out.printf("this build  (%s): outputs SHA-256 %s%n", self, myDigest);
        System.out.printf("other build (%s): outputs SHA-256 %s%s%n", other, theirDigest,
                myDigest.equals(theirDigest) ? " (the same outcomes)" : " (DIFFERENT outcomes)");
        mine.microsPerArticle(WARM_UP_NANOS);
        theirs.microsPerArticle(WARM_UP_NANOS);
        double[] ratios = new double[rounds];
        double mineTotal = 0;
        double theirsTotal = 0;
        for (int i = 0; i < rounds; i++) {
            // Alternate which side goes first, so neither always follows the other's garbage.
            double a;
            double b;
            if (i % 2 == 0) {
                a = mine.microsPerArticle(TURN_NANOS);
                b = theirs.microsPerArticle(TURN_NANOS);
            } else {
                b = theirs.microsPerArticle(TURN_NANOS);
                a = mine.microsPerArticle(TURN_NANOS);
            }
            ratios[i] = a / b;
            mineTotal += a;
            theirsTotal += b;
        }
        Arrays.sort(ratios);
        double meanBytes = (double) bytes / articles.size();
        System.out.printf("%d alternating turns of 1 s each, after 4 s of warm-up each (language detection on):%n", rounds);
        System.out.printf("  this build : %6.2f µs an article, %6.2f MB/s (means over the turns)%n",
                mineTotal / rounds, meanBytes / (mineTotal / rounds));
        System.out.printf("  other build: %6.2f µs an article, %6.2f MB/s%n",
                theirsTotal / rounds, meanBytes / (theirsTotal / rounds));
        System.out.printf("  time of this build / other, per turn: median %.3f, quartiles %.3f-%.3f%n",
                ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4]);
    }

    /** One build's cleaner, loaded on its own, with the articles as its own {@code RawText}s. */
    static final class Build {
        private final Object cleaner;
        private final Method clean;
        private final Object[] raws;

        Build(URL location, List<Article> articles) throws ReflectiveOperationException {
            ClassLoader loader = new CleanerFirst(location, BuildComparison.class.getClassLoader());
            Class<?> config = loader.loadClass(CLEANER_PACKAGE + "CleanerConfig");
            Class<?> cleanerClass = loader.loadClass(CLEANER_PACKAGE + "ArticleCleaner");
            Class<?> rawText = loader.loadClass(CLEANER_PACKAGE + "RawText");
            cleaner = cleanerClass.getConstructor(config).newInstance(config.getMethod("defaults").invoke(null));
            clean = cleanerClass.getMethod("clean", rawText);
            Constructor<?> raw = rawText.getConstructor(String.class, String.class, String.class, String.class);
            raws = new Object[articles.size()];
            for (int i = 0; i < raws.length; i++) {
                Article a = articles.get(i);
                raws[i] = raw.newInstance(a.title(), a.body(), a.contentType(), a.source());
            }
        }

        String digest() throws ReflectiveOperationException {
            MessageDigest outputs;
            try {
                outputs = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            for (Object raw : raws) {
                outputs.update(clean.invoke(cleaner, raw).toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(outputs.digest());
        }

        /** Cleans the articles round-robin for about {@code nanos}; the mean microseconds an article. */
        double microsPerArticle(long nanos) throws IllegalAccessException, InvocationTargetException {
            long start = System.nanoTime();
            long deadline = start + nanos;
            long count = 0;
            long now;
            do {
                for (Object raw : raws) {
                    clean.invoke(cleaner, raw);
                }
                count += raws.length;
                now = System.nanoTime();
            } while (now < deadline);
            return (now - start) / 1e3 / count;
        }
    }

    /**
     * Loads the cleaner's classes and rule files from one location before asking its parent, so
     * that two builds of them live side by side; everything else comes from the parent.
     */
    private static final class CleanerFirst extends URLClassLoader {

        CleanerFirst(URL location, ClassLoader parent) {
            super(new URL[] {location}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(CLEANER_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith("rules/") ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}
