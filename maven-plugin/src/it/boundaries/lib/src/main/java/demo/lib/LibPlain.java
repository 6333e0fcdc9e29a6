package demo.lib;

/** Never names the library: suspends only through {@link Steps}. */
public final class LibPlain {
    private LibPlain() {
    }

    public static int twice(int x) {
        int first = Steps.step(x);
        return Steps.step(first * 10);
    }
}
