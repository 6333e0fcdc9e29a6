package demo.lib;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;

/** Runs tasks together, each a coroutine of its own, and returns their results in order. */
public final class Jobs {
    private Jobs() {
    }

    public static List<Integer> runTogether(List<Task> tasks) {
        List<Coro<Integer>> coroutines = new ArrayList<>();
        for (Task task : tasks) {
            coroutines.add(Coro.of(task::run));
        }
        return new Loop().run(Coro.of(() -> Coro.yield(coroutines)));
    }
}
