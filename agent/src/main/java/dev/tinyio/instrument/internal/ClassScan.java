package dev.tinyio.instrument.internal;

import java.nio.charset.StandardCharsets;

/** The cheap first look at a class file: whether it mentions the library at all. */
public final class ClassScan {
    private static final byte[] PACKAGE = "dev/tinyio/".getBytes(StandardCharsets.US_ASCII);
    /** How far the search may jump past a window ending in each byte value. */
    private static final int[] SKIP = skipTable();

    private ClassScan() {
    }

    /**
     * Whether the class file contains the library's package name, in its constant pool or anywhere else. A class
     * that does not can neither call {@code Coro.yield} nor carry {@code @Suspendable}.
     *
     * @param classFile the class file
     * @return false if the class certainly has nothing to instrument
     */
    public static boolean mentionsTinyio(byte[] classFile) {
        // Boyer-Moore-Horspool: most bytes of a class file let the search jump the pattern's whole length.
        int last = PACKAGE.length - 1;
        for (int end = last; end < classFile.length; end += SKIP[classFile[end] & 0xFF]) {
            int i = end;
            int j = last;
            while (classFile[i] == PACKAGE[j]) {
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
        java.util.Arrays.fill(skip, PACKAGE.length);
        for (int i = 0; i < PACKAGE.length - 1; i++) {
            skip[PACKAGE[i] & 0xFF] = PACKAGE.length - 1 - i;
        }
        return skip;
    }
}
