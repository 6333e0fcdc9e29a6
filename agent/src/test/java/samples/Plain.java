package samples;

/** Never mentions the library: skipped after the cheap scan. */
public final class Plain {
    private Plain() {
    }

    public static int add(int a, int b) {
        return a + b;
    }
}
