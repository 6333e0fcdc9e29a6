package dev.tinyio.instrument.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A search for the library's package name, {@code dev/tinyio/}, in a range of bytes. */
final class PackageNameSearch {
    /** The package name as it appears in internal class names and descriptors. */
    static final byte[] PACKAGE = "dev/tinyio/".getBytes(StandardCharsets.US_ASCII);
    /** How far the search may jump past a window ending in each byte value. */
    private static final int[] SKIP = skipTable();

    private PackageNameSearch() {
    }

    /**
     * Whether the package name lies wholly within a range of bytes.
     *
     * @param bytes the bytes
     * @param from the first byte of the range
     * @param to the end of the range, exclusive; at most {@code bytes.length}
     * @return true if it does
     */
    static boolean occursIn(byte[] bytes, int from, int to) {
        // Boyer-Moore-Horspool: a window ending in a byte that is not in the pattern lets the search jump its
        // whole length.
        int last = PACKAGE.length - 1;
        for (int end = from + last; end < to; end += SKIP[bytes[end] & 0xFF]) {
            int i = end;
            int j = last;
            while (bytes[i] == PACKAGE[j]) {
                if (j == 0) {
                    return true;
                }
                i--;
                j--;
            }
        }
        return false;
    }

    private static int[] skipTable() {
        int[] skip = new int[256];
        Arrays.fill(skip, PACKAGE.length);
        for (int i = 0; i < PACKAGE.length - 1; i++) {
            skip[PACKAGE[i] & 0xFF] = PACKAGE.length - 1 - i;
        }
        return skip;
    }
}
