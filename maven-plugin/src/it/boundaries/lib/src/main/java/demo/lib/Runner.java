package demo.lib;

import dev.tinyio.Suspendable;
import java.util.List;

/** Runs tasks one after another, each given the running total. */
public final class Runner {
    private Runner() {
    }

    /** Not marked: the tasks are its users', and this library alone cannot see that they suspend. */
    public static int runAll(List<Task> tasks) {
        int total = 0;
        for (Task task : tasks) {
            total += task.run(total);
        }
        return total;
    }

    /** Marked: tasks may suspend. */
    @Suspendable
    public static int runAllMarked(List<Task> tasks) {
        int total = 0;
        for (Task task : tasks) {
            total += task.run(total);
        }
        return total;
    }
}
