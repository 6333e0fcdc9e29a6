package dev.tinyio.demo;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tour of tinyio for Java, run under the agent: coroutines that sleep side by side on one thread, a helper
 * method that suspends its caller, and a failure that cancels everything and comes out as one stack trace.
 */
public final class Demo {
    private static final long START = System.nanoTime();

    private Demo() {
    }

    public static void main(String[] args) {
        say("1. Two coroutines that each sleep one second, gathered:");
        List<Integer> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(slowAddOne(3), slowAddOne(4)))));
        say("   result " + out + ", after one second, not two");

        say("2. Five workers take turns on one thread; each calls a helper that suspends it:");
        List<Coro<String>> workers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            workers.add(worker("worker-" + i, i));
        }
        say("   results " + new Loop().run(Coro.of(() -> Coro.yield(workers))));

        say("3. One coroutine fails: every other one is cancelled and cleans up, and the error reads like "
                + "one call stack:");
        try {
            new Loop().run(Coro.of(() -> Coro.yield(List.of(patient("patient-1"), fetch("order-42"),
                    patient("patient-2")))));
        } catch (IllegalStateException e) {
            say("   Loop.run threw: " + e);
            for (StackTraceElement element : e.getStackTrace()) {
                if (element.getClassName().startsWith(Demo.class.getName())) {
                    say("       at " + element);
                }
            }
        }
    }

    static Coro<Integer> slowAddOne(int x) {
        return Coro.of(() -> {
            say("   slowAddOne(" + x + ") sleeps");
            Coro.yield(Tinyio.sleep(Duration.ofSeconds(1)));
            say("   slowAddOne(" + x + ") wakes");
            return x + 1;
        });
    }

    static Coro<String> worker(String name, int steps) {
        return Coro.of(() -> {
            int done = 0;
            for (int i = 0; i < steps; i++) {
                done += step(name, i);
            }
            return name + ":" + done;
        });
    }

    /** A plain method that suspends: the worker calling it suspends with it. */
    static int step(String name, int i) {
        Coro.yield(Tinyio.sleep(Duration.ofMillis(50)));
        say("   " + name + " finished step " + i);
        return 1;
    }

    static Coro<Void> patient(String name) {
        return Coro.ofVoid(() -> {
            try {
                say("   " + name + " waits");
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(10)));
            } finally {
                say("   " + name + " cleans up");
            }
        });
    }

    static Coro<String> fetch(String id) {
        return Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofMillis(200)));
            return parse(id, "{broken json");
        });
    }

    static String parse(String id, String text) {
        Coro.yield();
        throw new IllegalStateException("cannot parse " + id + ": " + text);
    }

    private static void say(String line) {
        System.out.printf("%5d ms  %s%n", (System.nanoTime() - START) / 1_000_000, line);
    }
}
