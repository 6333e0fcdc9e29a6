package unaware;

/** Calls code that suspends but never names the library: whole-program analysis instruments it all the same. */
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

    /**
     * Shouts {@code "q"}, doubled.
     *
     * @return {@code "QQ"}
     */
    public static String shoutQ() {
        return shout("q");
    }
}
