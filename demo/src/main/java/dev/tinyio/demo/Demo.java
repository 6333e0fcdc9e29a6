package dev.tinyio.demo;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.ThreadPool;
import dev.tinyio.Tinyio;
import dev.tinyio.TraceRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tour of tinyio for Java, run under the agent: one thread runs every coroutine, blocking work goes to a thread
 * pool, results are reported as they complete, a slow step gets a deadline, a flaky one is isolated, and a failure
 * cancels everything and reads like one stack trace. The whole run is also written as a timeline.
 */
public final class Demo {
    private static final long START = System.nanoTime();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("tinyio-demo");
        List<Path> files = Batch.write(folder);
        TraceRecorder timeline = new TraceRecorder();

        say("1. Two coroutines that each sleep one second, gathered; a third looks at what the loop is doing:");
        Loop first = new Loop().recordTo(timeline);
        List<Integer> sums = first.run(Coro.of("gather", () -> {
            List<Coro<Integer>> adds = List.of(slowAddOne(3), slowAddOne(4));
            Coro.yield(Set.of(peek(first)));
            return Coro.yield(adds);
        }));
        say("   result " + sums + ": one second, not two");

        say("2. Counting words in " + files.size() + " files: reading on a pool of 3 threads, reported as they "
                + "complete; a slow disk gets a 400 ms deadline, a flaky lookup is isolated:");
        String report = new Loop().recordTo(timeline).run(Coro.of(() -> countAll(files)));
        say("   " + report);

        say("3. One step fails: everything else is cancelled and cleans up, and the error reads like one stack:");
        try {
            new Loop().recordTo(timeline).run(Coro.of(() -> Coro.yield(List.of(patient("uploader"),
                    pipeline("order-42"), patient("notifier")))));
        } catch (IllegalStateException e) {
            say("   Loop.run threw " + e);
            for (StackTraceElement element : e.getStackTrace()) {
                if (element.getClassName().startsWith(Demo.class.getPackageName())) {
                    say("       at " + element);
                }
            }
        }

        say("4. In debug mode, a coroutine that blocks its loop's thread is named while it blocks:");
        new Loop().debug(true).slowStepThreshold(Duration.ofMillis(100)).run(Coro.ofVoid("sleepy", () -> {
            Coro.yield();
            Thread.sleep(300);
        }));

        Path trace = Path.of("target", "tinyio-demo-trace.json").toAbsolutePath();
        timeline.writeTo(trace);
        say("The whole run as a timeline: " + trace + " (open it in https://ui.perfetto.dev or chrome://tracing)");
    }

    /** Prints what every coroutine of the loop is doing, once the others have begun to wait. */
    static Coro<Void> peek(Loop loop) {
        return Coro.ofVoid("peek", () -> {
            for (int i = 0; i < 3; i++) {
                Coro.yield();
            }
            for (String line : loop.dump().split("\n")) {
                say("   | " + line);
            }
        });
    }

    static Coro<Integer> slowAddOne(int x) {
        return Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofSeconds(1)));
            return x + 1;
        });
    }

    /** Counts every file's words on the pool, reporting each as it completes. */
    static String countAll(List<Path> files) {
        ThreadPool disks = new ThreadPool(3);
        Set<Coro<String>> counts = new LinkedHashSet<>();
        for (Path file : files) {
            counts.add(countOne(disks, file));
        }
        int done = 0;
        for (Coro<String> next : Coro.yield(Tinyio.asCompleted(counts))) {
            say("   " + Coro.yield(next));
            done++;
        }
        Result<String> lookup = Coro.yield(Tinyio.isolate(flakyLookup()));
        say("   isolated lookup " + (lookup.success() ? "gave " + lookup.value() : "failed with " + lookup.error())
                + ", and nothing outside it was cancelled");
        return done + " files reported";
    }

    static Coro<String> countOne(ThreadPool disks, Path file) {
        return Coro.of(() -> {
            Coro<Integer> reading = disks.runInThread(() -> Batch.countWords(file));
            Result<Integer> words = Coro.yield(Tinyio.timeout(reading, Duration.ofMillis(400)));
            return file.getFileName() + ": " + (words.success() ? words.value() + " words" : "timed out");
        });
    }

    /** Two lookups, one of which fails: inside an isolate, its failure cancels only its sibling. */
    static Coro<String> flakyLookup() {
        return Coro.of(() -> {
            List<String> answers = Coro.yield(List.of(lookup("catalogue", 50, false), lookup("prices", 20, true)));
            return String.join(", ", answers);
        });
    }

    static Coro<String> lookup(String what, long millis, boolean fails) {
        return Coro.of("lookup of " + what, () -> {
            try {
                Coro.yield(Tinyio.sleep(Duration.ofMillis(millis)));
                if (fails) {
                    throw new IOException(what + " service unavailable");
                }
                return what;
            } finally {
                say("   lookup of " + what + " finished or cleaned up");
            }
        });
    }

    static Coro<Void> patient(String name) {
        return Coro.ofVoid(name, () -> {
            try {
                say("   " + name + " waits for work");
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(10)));
            } finally {
                say("   " + name + " cleans up");
            }
        });
    }

    static Coro<String> pipeline(String id) {
        return Coro.of("pipeline " + id, () -> {
            String raw = Coro.yield(Tinyio.runInThread(() -> "{broken json for " + id));
            return parse(id, raw);
        });
    }

    static String parse(String id, String text) {
        Coro.yield();
        throw new IllegalStateException("cannot parse " + id + ": " + text);
    }

    static void say(String line) {
        System.out.printf("%5d ms  %s%n", (System.nanoTime() - START) / 1_000_000, line);
    }
}
