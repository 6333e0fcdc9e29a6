package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Suspendable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suspension through calls into other classes and through virtual dispatch. */
class DispatchTest {
    /** Implementations suspend; callers through the interface see that only through the annotation. */
    interface Source {
        @Suspendable
        int next();
    }

    static final class Counter implements Source {
        private int count;

        @Override
        public int next() {
            Coro.yield();
            return ++count;
        }
    }

    static final class Doubler implements Source {
        private final Source inner;

        Doubler(Source inner) {
            this.inner = inner;
        }

        @Override
        public int next() {
            return 2 * inner.next();
        }
    }

    static int sum(Source source, int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += source.next();
        }
        return total;
    }

    @Test
    void an_annotated_interface_method_suspends_through_two_implementations() {
        Script script = new Script();
        Coro<Integer> counting = Coro.of(() -> {
            script.expect(1);
            int total = sum(new Counter(), 3);
            script.finish(4);
            return total;
        });
        Coro<Integer> doubling = Coro.of(() -> {
            script.expect(2);
            int total = sum(new Doubler(new Counter()), 2);
            script.expect(3);
            return total;
        });
        assertEquals(List.of(6, 6), new Loop().run(Coro.of(() -> Coro.yield(List.of(counting, doubling)))));
        script.assertFinished(4);
    }

    @Test
    void in_debug_mode_fresh_calls_suspend_under_re_entered_frames_through_dispatch() {
        assertEquals(List.of(6, 24, 5), new Loop().debug(true).run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> sum(new Counter(), 3)), Coro.of(() -> sum(new Doubler(new Doubler(new Counter())), 3)),
                ticking(5))))));
    }

    @Test
    void a_helper_in_another_class_suspends_its_caller() {
        Coro<String> greeting = Coro.of(() -> OtherClass.greet("world") + "!");
        assertEquals(List.of("hello world!", 3),
                new Loop().run(Coro.of(() -> Coro.yield(List.of(greeting, ticking(3))))));
    }

    /** A coroutine that yields that many times beside the others, and counts them. */
    private static Coro<Integer> ticking(int times) {
        return Coro.of(() -> {
            int ticks = 0;
            for (int i = 0; i < times; i++) {
                Coro.yield();
                ticks++;
            }
            return ticks;
        });
    }

    @Test
    void an_inherited_helper_suspends_through_a_subclass_call() {
        assertEquals(11, new Loop().run(Coro.of(() -> new Child().addTen(1))));
    }

    static class Parent {
        int addTen(int x) {
            Coro.yield();
            return x + 10;
        }
    }

    static final class Child extends Parent {
    }
}

/** A top-level class of its own, so that resolving its suspending method means reading another class file. */
final class OtherClass {
    private OtherClass() {
    }

    static String greet(String name) {
        Coro.yield();
        return "hello " + name;
    }
}
