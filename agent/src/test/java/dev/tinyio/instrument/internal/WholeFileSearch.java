package dev.tinyio.instrument.internal;

/** The reference for the scan: the package name anywhere in the bytes, looked for at every position. */
final class WholeFileSearch {
    private static final byte[] PACKAGE = {'d', 'e', 'v', '/', 't', 'i', 'n', 'y', 'i', 'o', '/'};

    private WholeFileSearch() {
    }

    static boolean mentionsTinyio(byte[] bytes) {
        for (int start = 0; start + PACKAGE.length <= bytes.length; start++) {
            if (matchesAt(bytes, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int start) {
        for (int i = 0; i < PACKAGE.length; i++) {
            if (bytes[start + i] != PACKAGE[i]) {
                return false;
            }
        }
        return true;
    }
}
