package io.newsstream.tag.eval;

import java.util.Locale;

/** True positive, false positive and false negative counts, summed (micro-averaged). */
final class Prf {

    private long tp;
    private long fp;
    private long fn;

    void add(long truePositives, long falsePositives, long falseNegatives) {
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
    }

    double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String line(String name) {
        return String.format(Locale.ROOT, "%s precision=%.3f recall=%.3f f1=%.3f", name, precision(), recall(), f1());
    }

    String counts() {
        return String.format(Locale.ROOT, "tp=%d fp=%d fn=%d", tp, fp, fn);
    }
}
