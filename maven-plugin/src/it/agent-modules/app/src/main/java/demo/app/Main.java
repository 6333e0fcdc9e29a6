package demo.app;

import demo.lib.Runner;
import demo.lib.Task;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;

public final class Main {
    private static final List<String> LOG = new ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        Task first = x -> step("first", x);
        Task second = x -> step("second", x);
        List<Integer> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> Runner.runAll(List.of(first, second), 1)),
                Coro.of(() -> Runner.runAll(List.of(first, second), 10))))));
        System.out.println("tinyio-it: " + results + " after " + LOG);
        Module lib = Runner.class.getModule();
        boolean requires = lib.getDescriptor().requires().stream().anyMatch(r -> r.name().equals("dev.tinyio"));
        System.out.println("tinyio-it: " + lib + " requires dev.tinyio: " + requires + ", reads "
                + Coro.class.getModule() + ": " + lib.canRead(Coro.class.getModule()));
    }

    /** Notes its name and gives way to the other coroutine. */
    private static int step(String name, int x) {
        LOG.add(name + x);
        Coro.yield();
        return x;
    }
}
