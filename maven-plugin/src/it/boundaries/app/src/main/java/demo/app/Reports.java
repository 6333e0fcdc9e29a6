package demo.app;

/** Never names the library, and suspends only through {@link PlainHelper}: used as {@code Coro.of(Reports::daily)}. */
final class Reports {
    private Reports() {
    }

    static String daily() {
        int count = PlainHelper.twoSteps();
        return "daily:" + count;
    }
}
