package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cycle of waits is a failure of the loop itself: its error goes into the root, the stitched chain starts at the
 * last-stepped coroutine, and the root still counts among the cancelled, as in tinyio.
 */
class CycleTest {
    static final String CYCLE = "Cycle detected in tinyio loop. Cancelling all coroutines. (The loop's state was "
            + "logged to dev.tinyio; Loop.dump() shows it too.)";

    private final List<String> log = new ArrayList<>();

    // Each coroutine waits through a helper of its own, which logs its cancellation and names it in traces.

    static Object rootAwaits(List<String> log, Coro<?> coro) {
        try {
            return Coro.yield(coro);
        } catch (CancelledError e) {
            log.add("root");
            throw e;
        }
    }

    static Object aAwaits(List<String> log, Coro<?> coro) {
        try {
            return Coro.yield(coro);
        } catch (CancelledError e) {
            log.add("a");
            throw e;
        }
    }

    static Object s0Awaits(List<String> log, Coro<?> coro) {
        try {
            return Coro.yield(coro);
        } catch (CancelledError e) {
            log.add("s0");
            throw e;
        }
    }

    static Object s1Awaits(List<String> log, Coro<?> coro) {
        try {
            return Coro.yield(coro);
        } catch (CancelledError e) {
            log.add("s1");
            throw e;
        }
    }

    /** s0 and s1, awaiting each other. */
    private Coro<?>[] cycle() {
        Coro<?>[] s = new Coro<?>[2];
        s[0] = Coro.of(() -> s0Awaits(log, s[1]));
        s[1] = Coro.of(() -> s1Awaits(log, s[0]));
        return s;
    }

    /** Root awaits a, a awaits s0, s0 and s1 await each other; stepped in that order, so s1 last. */
    private Coro<Object> rootOfCycle() {
        Coro<?>[] s = cycle();
        Coro<Object> a = Coro.of(() -> aAwaits(log, s[0]));
        return Coro.of(() -> rootAwaits(log, a));
    }

    private static List<String> methods(Throwable t) {
        return Arrays.stream(t.getStackTrace()).map(StackTraceElement::getMethodName).toList();
    }

    @Test
    void the_cycle_error_goes_into_the_root_then_everything_is_cancelled_in_insertion_order() {
        CancelledError error = assertThrows(CancelledError.class,
                () -> LogCapture.during(() -> new Loop().run(rootOfCycle())));
        assertEquals(CYCLE, error.getMessage());
        assertEquals(List.of("root", "a", "s0", "s1"), log);
    }

    @Test
    void in_always_mode_the_group_leaves_out_the_chain_that_starts_at_the_last_stepped_coroutine() {
        ExceptionGroup group = assertThrows(ExceptionGroup.class,
                () -> LogCapture.during(() -> new Loop().run(rootOfCycle(), GroupMode.ALWAYS)));
        List<Throwable> members = group.exceptions();
        assertEquals(3, members.size(), members.toString());
        assertEquals(CYCLE, members.get(0).getMessage());
        // a's, suspended in its helper, first as the longer trace; then the root's, which the cycle error ended,
        // so that it has no frames left. s1 and s0 are the chain, stitched into the cycle error's trace.
        assertInstanceOf(CancelledError.class, members.get(1));
        assertEquals("aAwaits", methods(members.get(1)).get(0));
        assertInstanceOf(CancelledError.class, members.get(2));
        assertEquals(List.of(), methods(members.get(2)));
    }

    @Test
    void the_cycle_errors_trace_continues_through_the_chain_from_the_last_stepped_coroutine() {
        CancelledError error = assertThrows(CancelledError.class,
                () -> LogCapture.during(() -> new Loop().run(rootOfCycle())));
        List<String> methods = methods(error);
        int s1 = methods.indexOf("s1Awaits");
        int s0 = methods.indexOf("s0Awaits");
        assertTrue(s1 >= 0 && s0 > s1, methods.toString());
        assertEquals(-1, methods.indexOf("aAwaits"), methods.toString());
    }

    @Test
    void a_cycle_left_behind_by_a_finished_root_fails_the_run_and_the_root_keeps_its_result() {
        Coro<?>[] s = cycle();
        Coro<String> root = Coro.of(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(s[0])));
            return "done";
        });
        Loop loop = new Loop();
        ExceptionGroup group = assertThrows(ExceptionGroup.class,
                () -> LogCapture.during(() -> loop.run(root, GroupMode.ALWAYS)));
        // s1 stepped last; the chain s1, s0 accounts for both cancellations, and the ended root is not among them.
        assertEquals(1, group.exceptions().size(), group.exceptions().toString());
        assertEquals(CYCLE, group.exceptions().get(0).getMessage());
        assertEquals(List.of("s0", "s1"), log);
        assertSame("done", loop.run(root));
    }

    @Test
    void a_cycle_through_the_root_is_stitched_whole_and_leaves_nothing_else_in_the_group() {
        Coro<?>[] root = new Coro<?>[1];
        Coro<Object> a = Coro.of(() -> aAwaits(log, root[0]));
        root[0] = Coro.of(() -> rootAwaits(log, a));
        ExceptionGroup group = assertThrows(ExceptionGroup.class,
                () -> LogCapture.during(() -> new Loop().run(root[0], GroupMode.ALWAYS)));
        assertEquals(1, group.exceptions().size(), group.exceptions().toString());
        assertEquals(List.of("root", "a"), log);
    }
}
