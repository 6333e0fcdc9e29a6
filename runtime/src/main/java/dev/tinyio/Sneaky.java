package dev.tinyio;

/** Rethrows any throwable unchanged, checked ones included, without declaring it: {@code run} promises this. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
