package dev.tinyio.instrument.internal;

import java.nio.charset.StandardCharsets;

/** The cheap first look at a class file: whether it mentions the library at all. */
public final class ClassScan {
    private static final byte[] PACKAGE = "dev/tinyio/".getBytes(StandardCharsets.US_ASCII);
    /** How far apart the pairs of bytes the search looks at lie: the name holds one pair in every such stretch. */
    private static final int STRIDE = PACKAGE.length - 1;
    /** For each byte value, a bit for each position in the package name that holds it. */
    private static final int[] POSITIONS = positions();

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
        // Any occurrence of the name spans ten consecutive pairs of bytes, so looking at one pair in every ten
        // meets it. Only a pair that also occurs in the name can be part of it, and its place in the name says
        // where to compare. Unlike the skips of Boyer-Moore-Horspool, each of which must wait for the bytes it
        // jumped to, these loads do not depend on one another, so the processor overlaps them. Searching only
        // the constant pool's Utf8 entries is slower still: finding each entry waits for the size of the one
        // before, and walking a pool, before searching anything, costs about as much as this whole search
        // (some 450 ns per class of Commons Math).
        int lastStart = classFile.length - PACKAGE.length;
        for (int pair = 0; pair < classFile.length - 1; pair += STRIDE) {
            // Bit i: the pair could be bytes i and i + 1 of the name.
            int starts = POSITIONS[classFile[pair] & 0xFF] & (POSITIONS[classFile[pair + 1] & 0xFF] >>> 1);
            while (starts != 0) {
                int start = pair - Integer.numberOfTrailingZeros(starts);
                if (start >= 0 && start <= lastStart && startsAt(classFile, start)) {
                    return true;
                }
                starts &= starts - 1;
            }
        }
        return false;
    }

    private static boolean startsAt(byte[] bytes, int start) {
        for (int i = 0; i < PACKAGE.length; i++) {
            if (bytes[start + i] != PACKAGE[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] positions() {
        int[] positions = new int[256];
        for (int i = 0; i < PACKAGE.length; i++) {
            positions[PACKAGE[i] & 0xFF] |= 1 << i;
        }
        return positions;
    }
}
