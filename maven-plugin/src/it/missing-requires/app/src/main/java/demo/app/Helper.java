package demo.app;

import demo.lib.Steps;

/** Never names tinyio: suspends only through the library's steps. */
final class Helper {
    private Helper() {
    }

    static int twoSteps() {
        return Steps.step(1) + Steps.step(2);
    }
}
