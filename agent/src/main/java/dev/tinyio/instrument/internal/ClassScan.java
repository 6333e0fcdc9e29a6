package dev.tinyio.instrument.internal;

import java.nio.charset.StandardCharsets;

/** The cheap first look at a class file: whether it mentions the library at all. */
final class ClassScan {
    private static final byte[] PACKAGE = "dev/tinyio/".getBytes(StandardCharsets.US_ASCII);

    private ClassScan() {
    }

    /**
     * Whether the class file contains the library's package name, in its constant pool or anywhere else. A class
     * that does not can neither call {@code Coro.yield} nor carry {@code @Suspendable}.
     *
     * @param classFile the class file
     * @return false if the class certainly has nothing to instrument
     */
    static boolean mentionsTinyio(byte[] classFile) {
        byte first = PACKAGE[0];
        int last = classFile.length - PACKAGE.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != first) {
                continue;
            }
            for (int j = 1; j < PACKAGE.length; j++) {
                if (classFile[i + j] != PACKAGE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
