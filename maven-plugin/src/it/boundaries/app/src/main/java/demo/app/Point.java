package demo.app;

import demo.lib.Steps;

record Point(int x, int y) {
    int distance() {
        return Steps.step(x) + Steps.step(y);
    }
}
