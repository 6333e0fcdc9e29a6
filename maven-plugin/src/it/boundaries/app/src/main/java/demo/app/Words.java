package demo.app;

import demo.lib.Steps;

/** Implements a generic interface: the compiler adds a bridge {@code Object next()}. */
final class Words implements Source<String> {
    private int index;

    @Override
    public String next() {
        Steps.step(index);
        return "w" + index++;
    }
}
