package demo.app;

import demo.lib.Steps;

enum Mode {
    FAST {
        @Override
        int apply(int x) {
            return x;
        }
    },
    SLOW {
        @Override
        int apply(int x) {
            return Steps.step(x) + Steps.step(x);
        }
    };

    abstract int apply(int x);
}
