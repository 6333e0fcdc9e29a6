package demo.app;

import demo.lib.Steps;

/** Never names the library: suspends only through the library's {@link Steps}. */
final class PlainHelper {
    private PlainHelper() {
    }

    static int twoSteps() {
        int first = Steps.step(1);
        int second = Steps.step(first + 10);
        return first * 100 + second;
    }
}
