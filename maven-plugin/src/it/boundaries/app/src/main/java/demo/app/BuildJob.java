package demo.app;

import demo.lib.Steps;

final class BuildJob extends Job {
    @Override
    int perform(int x) {
        return Steps.step(x) * 3;
    }
}
