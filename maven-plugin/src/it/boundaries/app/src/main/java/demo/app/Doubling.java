package demo.app;

import demo.lib.Steps;
import demo.lib.Task;

/** Implements the library's interface. */
final class Doubling implements Task {
    @Override
    public int run(int x) {
        return Steps.step(x) * 2;
    }
}
