package demo.app;

import demo.lib.Steps;

final class SlowGreeter implements Greeter {
    @Override
    public String name() {
        Steps.step(0);
        return "bob";
    }
}
