package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.io.Serializable;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import unaware.Doubler;
import unaware.Shapes;
import unaware.Shouter;

/**
 * Suspension through every boundary user code has, with no annotation: helpers in classes that never name the
 * library, interfaces, abstract classes, enum constant bodies, anonymous and local classes, records, bridges and
 * covariant overrides, default methods, a retrying helper taking a {@code Supplier}, iterators in a for-each loop,
 * and method references as coroutine bodies. Each runs beside a ticker that counts the steps it takes while the
 * shape is suspended, so a shape that ran through without suspending, or skipped code after a suspension, gives
 * another answer.
 */
class BoundariesTest {
    /** Runs a body to its end beside a ticker, and gives its result and the ticker's count. */
    private static String ticked(Coro.Body<?> body) {
        Coro<?> shape = Coro.of(body);
        Coro<Integer> ticker = Coro.of(() -> {
            int ticks = 0;
            while (!shape.isDone()) {
                Coro.yield();
                ticks++;
            }
            return ticks;
        });
        List<Object> both = new Loop().run(Coro.of(() -> Coro.yield(List.of(shape, ticker))));
        return both.get(0) + " ticks=" + both.get(1);
    }

    @Test
    void a_helper_in_a_class_that_never_names_the_library() {
        assertEquals("QQ ticks=1", ticked(() -> Shouter.shout("q")));
    }

    @Test
    void an_interface_its_default_method_and_an_abstract_class() {
        Shapes.Greeter greeter = new Shapes.SlowGreeter();
        assertEquals("hi bobbob ticks=1", ticked(() -> greeter.greet("bob")));
        assertEquals("hi aahi aa ticks=2", ticked(() -> greeter.greetTwice("a")));
        assertEquals("[anonanon] ticks=1", ticked(Shapes::anonymousJob));
    }

    @Test
    void enum_constant_bodies_local_classes_and_records() {
        assertEquals("UPUP ticks=1", ticked(() -> Shapes.Op.LOUD.on("up")));
        assertEquals("down ticks=0", ticked(() -> Shapes.Op.QUIET.on("down")));
        assertEquals("locallocal ticks=1", ticked(Shapes::localClass));
        assertEquals("77 ticks=1", ticked(() -> new Shapes.Point(7).twice()));
    }

    @Test
    void a_generic_bridge_and_a_covariant_override() {
        Shapes.Source<String> source = () -> Doubler.twice("src");
        assertEquals("srcsrc ticks=1", ticked(source::next));
        Shapes.Shelf shelf = new Shapes.BookShelf();
        assertEquals("bookbook ticks=1", ticked(shelf::take));
    }

    @Test
    void a_retrying_helper_with_a_lambda_and_with_a_method_reference() {
        int[] calls = {0};
        assertEquals("xx after 2 calls ticks=1", ticked(() -> Shapes.retry(3,
                () -> ++calls[0] < 2 ? null : Doubler.twice("x")) + " after " + calls[0] + " calls"));
        assertEquals("hey patpat ticks=1", ticked(() -> Shapes.retry(3, Shapes.greeting())));
    }

    @Test
    void functions_callables_suppliers_and_an_iterator_in_a_for_each_loop() {
        assertEquals("ffccss ticks=3", ticked(Shapes::functions));
        assertEquals("[w2w2, w1w1] ticks=2", ticked(Shapes::iterate));
    }

    @Test
    void method_references_to_another_class_as_bodies_keep_their_own_code_after_the_suspension() {
        assertEquals("QQ ticks=1", ticked(BoundariesTest::shoutQ));
        IntSupplier length = new Lengths("abc")::twiceLength;
        assertEquals("6 ticks=1", ticked(length::getAsInt));
        assertEquals("hey patpat ticks=1", ticked(Shapes.greeting()::get));
    }

    @Test
    void a_body_that_runs_another_body_itself_suspends_through_it() {
        Coro.Body<String> inner = () -> Doubler.twice("in");
        assertEquals("outer got inin ticks=1", ticked(() -> "outer got " + inner.run()));
    }

    /** A user's own kind of body, and a method reference typed as it. */
    interface Job<T> extends Coro.Body<T> {
        @Override
        T run();
    }

    @Test
    void lambdas_and_method_references_of_a_users_own_kind_of_body() {
        Job<String> job = () -> Doubler.twice("j");
        assertEquals("jj ticks=1", ticked(job));
        Job<String> reference = BoundariesTest::shoutQ;
        assertEquals("QQ ticks=1", ticked(reference));
    }

    @Test
    void serializable_method_references_whose_target_is_another_class() {
        Coro.Body<String> body = (Coro.Body<String> & Serializable) Shouter::shoutQ;
        assertEquals("QQ ticks=1", ticked(body));
        Supplier<String> supplier = (Supplier<String> & Serializable) Shouter::shoutQ;
        assertEquals("QQ ticks=1", ticked(() -> Shapes.retry(1, supplier)));
    }

    private static String shoutQ() {
        return Shouter.shout("q");
    }

    /** An instance method whose own code runs after the suspension: a dropped frame would skip the doubling. */
    private record Lengths(String word) {
        int twiceLength() {
            return Doubler.twice(word).length();
        }
    }
}
