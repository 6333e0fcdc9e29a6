package demo.app;

import demo.lib.Steps;
import demo.lib.Worker;

/** Extends the library's abstract class. */
final class Miner extends Worker {
    private int found;

    @Override
    public int work() {
        return Steps.step(found++);
    }
}
