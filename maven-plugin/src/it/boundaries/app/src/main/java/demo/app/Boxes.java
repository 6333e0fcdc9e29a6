package demo.app;

import demo.lib.Steps;
import java.util.ArrayList;
import java.util.List;

final class Boxes {
    private Boxes() {
    }

    static <T> List<T> repeat(T value, int times) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Steps.step(i);
            out.add(value);
        }
        return out;
    }
}
