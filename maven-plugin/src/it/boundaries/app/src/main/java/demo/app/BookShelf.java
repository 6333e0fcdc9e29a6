package demo.app;

import demo.lib.Steps;

/** A covariant override: the compiler adds a bridge {@code Object take()}. */
final class BookShelf extends Shelf {
    @Override
    String take() {
        Steps.step(0);
        return "book";
    }
}
