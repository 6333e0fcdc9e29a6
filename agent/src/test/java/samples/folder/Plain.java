package samples.folder;

/** Never mentions the library. */
public final class Plain {
    private Plain() {
    }

    static int twice(int x) {
        return 2 * x;
    }
}
