package demo.lib;

import dev.tinyio.Suspendable;

/** A template method: subclasses say how to work, and their work may suspend. */
public abstract class Worker {
    @Suspendable
    public abstract int work();

    public int twice() {
        int first = work();
        int second = work();
        return first * 10 + second;
    }
}
