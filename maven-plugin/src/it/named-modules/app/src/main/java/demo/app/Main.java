package demo.app;

import demo.lib.Runner;
import demo.lib.Steps;
import demo.lib.Task;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

public final class Main {
    private Main() {
    }

    /** Two coroutines, each suspending across both modules, taking turns. */
    static List<Integer> run() {
        Task tenfold = x -> Helper.twoSteps("t") * x;
        return new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> Helper.twoSteps("a")),
                Coro.of(() -> Runner.runAll(List.of(tenfold), 10))))));
    }

    public static void main(String[] args) {
        List<Integer> results = run();
        System.out.println("tinyio-it: " + results + " after " + Steps.log());
        System.out.println("tinyio-it: in " + Main.class.getModule() + ", " + Runner.class.getModule() + ", "
                + Coro.class.getModule());
    }
}
