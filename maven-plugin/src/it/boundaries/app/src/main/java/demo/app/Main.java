package demo.app;

import demo.lib.LibPlain;
import demo.lib.Retry;
import demo.lib.Runner;
import demo.lib.Steps;
import demo.lib.Task;
import demo.lib.Worker;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs each shape of suspending code in a loop of its own, beside a ticker that counts the steps it gets while
 * the shape runs, and prints one line per shape: {@code SHAPE <name> = <result> ticks=<n>}, or
 * {@code SHAPE <name> ! <error>: <message>}. Every {@code Steps.step} gives way once, so n is the number of
 * times the shape really suspended.
 */
public final class Main {
    /** A shape still running after this many ticks is stuck: fail it rather than hang. */
    private static final int MAX_TICKS = 10_000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String agent = System.getProperty("dev.tinyio.agent");
        boolean javaagent = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-javaagent:"));
        System.out.println("RUN agent=" + (agent == null ? "none" : "'" + agent + "'") + " javaagent=" + javaagent);
        System.out.println("RUN lib=" + Path.of(Steps.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        System.out.println("RUN app=" + Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));

        // Helpers, plain classes, method references.
        shape("ownHelper", Coro.of(() -> ownHelper(4)));
        shape("libStep", Coro.of(() -> Steps.step(41) * 2));
        shape("libPlain", Coro.of(() -> LibPlain.twice(1)));
        shape("plainHelper", Coro.of(() -> PlainHelper.twoSteps()));
        shape("refOther", Coro.of(Reports::daily));
        shape("refStatic", Coro.of(Main::threeSteps));
        Crew crew = new Crew(20);
        shape("refInstance", Coro.of(crew::work));

        // Dispatch.
        Fetcher fetcher = fetcher("slow");
        shape("interface", Coro.of(() -> fetcher.fetch(7)));
        Job job = Job.named("build");
        shape("abstract", Coro.of(() -> job.perform(5)));
        Mode mode = Mode.valueOf("SLOW");
        shape("enumBody", Coro.of(() -> mode.apply(10)));
        Fetcher anonymous = new Fetcher() {
            @Override
            public int fetch(int id) {
                return Steps.step(id) * 10;
            }
        };
        shape("anonymous", Coro.of(() -> anonymous.fetch(3)));
        class Doubler implements Fetcher {
            @Override
            public int fetch(int id) {
                return Steps.step(id) * 2;
            }
        }
        Fetcher local = new Doubler();
        shape("localClass", Coro.of(() -> local.fetch(9)));

        // Generics, nesting, records, interface methods, bridges.
        shape("generic", Coro.of(() -> Boxes.repeat("x", 3)));
        Account.Deposit deposit = new Account().new Deposit();
        shape("inner", Coro.of(() -> deposit.apply(10)));
        Point point = new Point(3, 4);
        shape("record", Coro.of(() -> point.distance()));
        Greeter greeter = new SlowGreeter();
        shape("defaultMethod", Coro.of(() -> greeter.greet()));
        shape("interfaceStatic", Coro.of(() -> Greeter.shout(greeter)));
        Source<String> words = new Words();
        shape("bridge", Coro.of(() -> words.next() + words.next()));
        Shelf shelf = new BookShelf();
        shape("covariant", Coro.of(() -> shelf.take()));

        // Higher-order code: the application's own, the JDK's functional interfaces, iteration.
        shape("appRetryLambda", Coro.of(() -> Attempts.retry(3, flaky())));
        shape("appRetryRef", Coro.of(() -> Attempts.retry(2, PlainHelper::twoSteps)));
        Function<Integer, Integer> doubleStep = x -> Steps.step(x) * 2;
        shape("function", Coro.of(() -> doubleStep.apply(4) + doubleStep.apply(5)));
        Callable<String> call = () -> "c" + Steps.step(1);
        shape("callable", Coro.of(() -> call.call() + call.call()));
        List<Integer> seen = new ArrayList<>();
        Runnable remember = () -> seen.add(Steps.step(seen.size()));
        shape("runnable", Coro.of(() -> {
            remember.run();
            remember.run();
            remember.run();
            return seen;
        }));
        BiFunction<Integer, Integer, Integer> add = (a, b) -> Steps.step(a) + Steps.step(b);
        shape("biFunction", Coro.of(() -> add.apply(10, 20)));
        shape("iterator", Coro.of(() -> {
            int digits = 0;
            for (int x : new Countdown(3)) {
                digits = digits * 10 + x;
            }
            return digits;
        }));
        shape("nested", Coro.of(() -> Coro.yield(List.of(Coro.of(PlainHelper::twoSteps), Coro.of(Main::threeSteps)))));

        // The library's types, implemented and called by the application.
        Task task = new Doubling();
        shape("appTask", Coro.of(() -> task.run(5) + task.run(6)));
        shape("libRetry", Coro.of(() -> Retry.retry(3, flaky())));
        shape("libWorker", Coro.of(() -> new Miner().twice()));
        shape("libWorkerAnon", Coro.of(() -> new Worker() {
            private int next = 5;

            @Override
            public int work() {
                return Steps.step(next++);
            }
        }.twice()));
        shape("libRunMarked", Coro.of(() -> Runner.runAllMarked(List.of(new Doubling(), x -> Steps.step(x) + 100))));

        // Unmarked library methods calling back into the application.
        shape("libRetryPlain", Coro.of(() -> Retry.retryPlain(3, flaky())));
        shape("libRunAll", Coro.of(() -> Runner.runAll(List.of(new Doubling(), x -> Steps.step(x) + 100))));

        // Shapes that can never suspend.
        shape("forEach", Coro.of(() -> {
            List<Integer> out = new ArrayList<>();
            List.of(1, 2).forEach(x -> out.add(Steps.step(x)));
            return out;
        }));
        shape("stream", Coro.of(() -> List.of(1, 2).stream().map(x -> Steps.step(x)).toList()));
        shape("sort", Coro.of(() -> {
            List<Integer> list = new ArrayList<>(List.of(3, 1, 2));
            list.sort((a, b) -> Integer.compare(Steps.step(a), Steps.step(b)));
            return list;
        }));
        shape("constructor", Coro.of(() -> new Gadget().size()));
        shape("synchronized", Coro.of(() -> new Counter().lockedBump()));

        System.out.println("DONE");
    }

    /** Runs one shape beside a ticker, in a loop of its own, and prints its line. */
    private static void shape(String name, Coro<?> shape) {
        String line;
        try {
            Coro<Integer> ticker = Coro.of(() -> {
                int ticks = 0;
                while (!shape.isDone()) {
                    if (++ticks > MAX_TICKS) {
                        throw new IllegalStateException("still running after " + MAX_TICKS + " ticks");
                    }
                    Coro.yield();
                }
                return ticks;
            });
            List<Object> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(shape, ticker))));
            line = "= " + results.get(0) + " ticks=" + results.get(1);
        } catch (Throwable t) {
            line = "! " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).replaceAll("\\R", " ");
        }
        System.out.println("SHAPE " + name + " " + line);
        System.out.flush();
    }

    private static int ownHelper(int x) {
        int first = Steps.step(x);
        return Steps.step(first * 3);
    }

    private static String threeSteps() {
        int a = Steps.step(0);
        int b = Steps.step(a);
        int c = Steps.step(b);
        return "abc=" + a + b + c;
    }

    private static Fetcher fetcher(String kind) {
        return kind.equals("slow") ? new SlowFetcher() : new CachedFetcher();
    }

    /** Fails on its first attempt, after suspending, and succeeds on its second. */
    private static Supplier<Integer> flaky() {
        int[] attempts = {0};
        return () -> {
            int value = Steps.step(attempts[0]++);
            if (value < 2) {
                throw new IllegalStateException("not yet");
            }
            return value * 100;
        };
    }
}
