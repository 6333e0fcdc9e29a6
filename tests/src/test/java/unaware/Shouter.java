package unaware;

/**
 * Calls code that suspends but never names the library, so the instrumenter's cheap first look skips it; the
 * same class with the calling method marked {@code @dev.tinyio.Suspendable} is {@link AwareShouter}.
 */
public final class Shouter {
    private Shouter() {
    }

    /**
     * Shouts a doubled string.
     *
     * @param s the string
     * @return it twice, in capitals
     */
    public static String shout(String s) {
        return Doubler.twice(s).toUpperCase();
    }
}
