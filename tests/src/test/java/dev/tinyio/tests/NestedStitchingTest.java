package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stitching of traces thrown out of re-entered frames: nested loops, and exceptions made before a suspension. */
class NestedStitchingTest {
    /** The trace's frames of this test and of Loop, by method name. */
    private static List<String> names(Throwable t) {
        List<String> m = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.equals(NestedStitchingTest.class.getName()) || c.equals("dev.tinyio.Loop")) {
                m.add(e.getMethodName().replaceAll("\\$\\d+$", ""));
            }
        }
        return m;
    }

    static void innerBody() {
        Coro.yield();
        throw new IllegalStateException("inner");
    }

    static void runsNestedLoop() {
        Coro.yield();
        new Loop().run(Coro.ofVoid(() -> innerBody()));
    }

    @Test
    void nested_loop_keeps_the_outer_coroutines_frames_below_the_inner_loop() {
        Throwable t = assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield();
            runsNestedLoop();
        })));
        List<String> m = names(t);
        for (StackTraceElement e : t.getStackTrace()) {
            assertNotEquals("tinyio$resume", e.getMethodName(), m.toString());
        }
        assertEquals(List.of("innerBody", "lambda$runsNestedLoop", "run", "run", "runsNestedLoop",
                "lambda$nested_loop_keeps_the_outer_coroutines_frames_below_the_inner_loop", "run", "run",
                "lambda$nested_loop_keeps_the_outer_coroutines_frames_below_the_inner_loop",
                "nested_loop_keeps_the_outer_coroutines_frames_below_the_inner_loop"), m);
    }

    static void awaitsNested() {
        Coro.yield(Coro.ofVoid(() -> {
            Coro.yield();
            new Loop().run(Coro.ofVoid(() -> innerBody()));
        }));
    }

    @Test
    void nested_loop_failure_is_stitched_through_the_outer_waiter_below_the_inner_loop() {
        Throwable t = assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield();
            awaitsNested();
        })));
        List<String> m = names(t);
        // the outer waiter (awaitsNested) must come after the inner loop's Loop.run frames, not inside the inner loop
        assertTrue(m.indexOf("awaitsNested") > m.indexOf("lambda$awaitsNested"), m.toString());
        assertEquals("innerBody", m.get(0), m.toString());
        assertEquals("lambda$awaitsNested", m.get(1), m.toString());
        assertEquals(List.of("run", "run"), m.subList(2, 4), m.toString());
    }

    static void throwsWhatItMadeBeforeSuspending() {
        IllegalStateException made = new IllegalStateException("made before the yield");
        Coro.yield();
        throw made;
    }

    static void middle() {
        throwsWhatItMadeBeforeSuspending();
    }

    @Test
    void an_exception_made_before_a_suspension_has_no_duplicated_frames() {
        Throwable t = assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> middle())));
        List<String> m = names(t);
        assertEquals(List.of("throwsWhatItMadeBeforeSuspending", "middle",
                "lambda$an_exception_made_before_a_suspension_has_no_duplicated_frames", "run", "run",
                "lambda$an_exception_made_before_a_suspension_has_no_duplicated_frames",
                "an_exception_made_before_a_suspension_has_no_duplicated_frames"), m);
    }
}
