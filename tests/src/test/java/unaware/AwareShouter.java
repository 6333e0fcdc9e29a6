package unaware;

import dev.tinyio.Suspendable;

/** {@link Shouter} with the fix its error names: the calling method is marked, so the class is instrumented. */
public final class AwareShouter {
    private AwareShouter() {
    }

    /**
     * Shouts a doubled string.
     *
     * @param s the string
     * @return it twice, in capitals
     */
    @Suspendable
    public static String shout(String s) {
        return Doubler.twice(s).toUpperCase();
    }
}
