package dev.tinyio.bench;

import java.util.Arrays;

/** How the {@code main}s of this module print a set of measured rounds: the median, then the range. */
public final class Spread {
    private Spread() {
    }

    /**
     * The median of the values, then their range in brackets.
     *
     * @param values the rounds' figures, at least one
     * @param format how each figure prints, as for {@link String#format}
     * @return the text
     */
    public static String of(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(format + " (" + format + "-" + format + ")", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }
}
