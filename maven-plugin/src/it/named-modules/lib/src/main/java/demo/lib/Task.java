package demo.lib;

import dev.tinyio.Suspendable;

/** Work the library runs for its users; theirs may suspend. */
public interface Task {
    @Suspendable
    int run(int x);
}
