package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In debug mode a resumed coroutine re-enters every suspended frame of its chain, so that what reads the thread's
 * stack after a resume (a debugger, a profiler, logging that names its caller) sees each of them, in order, at its
 * line; outside debug mode it re-enters only the innermost.
 */
class WholeStacksTest {
    /** After each resume: the frames of this class on the thread's stack, as method:line, innermost first. */
    private static final List<List<String>> SEEN = new ArrayList<>();

    static int outer() {
        return middle() + 1; // outer calls middle
    }

    static int middle() {
        return inner() + 1; // middle calls inner
    }

    static int inner() {
        Coro.yield();
        look(); // first look
        Coro.yield();
        look(); // second look
        return 1;
    }

    private static void look() {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement element : Thread.currentThread().getStackTrace()) {
            // The user's frames of the chain; the re-entry frames between them (tinyio$resume) are the library's.
            if (element.getClassName().equals(WholeStacksTest.class.getName())
                    && List.of("outer", "middle", "inner").contains(element.getMethodName())) {
                frames.add(element.getMethodName() + ":" + element.getLineNumber());
            }
        }
        SEEN.add(frames);
    }

    /** The line of this test's source that holds a marker. */
    private static int line(String marker) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/tinyio/tests/WholeStacksTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker) && !lines.get(i).contains("line(\"" + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line holds " + marker);
    }

    @Test
    void in_debug_mode_a_resume_at_depth_three_shows_all_three_frames_with_their_lines() {
        SEEN.clear();
        assertEquals(3, new Loop().debug(true).run(Coro.of(WholeStacksTest::outer)));
        List<String> chain = List.of("middle:" + line("// middle calls inner"), "outer:" + line("// outer calls middle"));
        assertEquals(List.of(
                concat("inner:" + line("// first look"), chain),
                concat("inner:" + line("// second look"), chain)), SEEN);
    }

    @Test
    void outside_debug_mode_a_resume_re_enters_only_the_innermost_frame() {
        SEEN.clear();
        assertEquals(3, new Loop().run(Coro.of(WholeStacksTest::outer)));
        assertEquals(List.of(List.of("inner:" + line("// first look")), List.of("inner:" + line("// second look"))),
                SEEN);
    }

    /** Each frame of a chain re-entered whole runs its own cleanup when the coroutine is cancelled, innermost first. */
    @Test
    void a_caller_that_yields_after_its_callee_returned_resumes_from_its_own_yield_in_either_mode() {
        for (boolean debug : new boolean[] {false, true}) {
            List<String> ran = new ArrayList<>();
            // Two coroutines in turn, so that each step saves another frame than the step before.
            Coro<Void> first = Coro.ofVoid(() -> callerOf("first", ran));
            Coro<Void> second = Coro.ofVoid(() -> callerOf("second", ran));
            new Loop().debug(debug).run(Coro.ofVoid(() -> Coro.yield(List.of(first, second))));
            assertEquals(List.of("first's callee resumed", "first resumed", "second's callee resumed",
                    "second resumed", "first resumed again", "second resumed again"), ran, "debug " + debug);
        }
    }

    private static void callerOf(String name, List<String> ran) {
        calleeOf(name, ran);
        ran.add(name + " resumed");
        Coro.yield();
        ran.add(name + " resumed again");
    }

    private static void calleeOf(String name, List<String> ran) {
        Coro.yield();
        ran.add(name + "'s callee resumed");
    }

    @Test
    void a_chain_re_entered_whole_is_cancelled_through_every_frame() {
        List<String> cleaned = new ArrayList<>();
        Coro<Integer> deep = Coro.of(() -> cleanupAt("outer", cleaned, () -> cleanupAt("middle", cleaned,
                () -> cleanupAt("inner", cleaned, WholeStacksTest::yieldsForever))));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new Loop().debug(true)
                .run(Coro.of(() -> Coro.yield(List.of(deep, Coro.of(WholeStacksTest::failsLater))))));
        assertEquals("later", failure.getMessage());
        assertEquals(List.of("inner", "middle", "outer"), cleaned);
    }

    interface Step {
        int run();
    }

    static int cleanupAt(String name, List<String> cleaned, Step next) {
        try {
            return next.run();
        } finally {
            cleaned.add(name);
        }
    }

    static int yieldsForever() {
        while (true) {
            Coro.yield();
        }
    }

    static int failsLater() {
        Coro.yield();
        Coro.yield();
        throw new IllegalStateException("later");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
