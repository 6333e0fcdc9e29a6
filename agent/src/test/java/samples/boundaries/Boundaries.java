package samples.boundaries;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Suspension across the boundaries users' code has, each shape gathered with a ticker that counts the steps it
 * takes while the shape is suspended: a log of {@code name=result/ticks} entries.
 */
public final class Boundaries {
    private Boundaries() {
    }

    private static String ticked(String name, Coro<?> shape) {
        Coro<Integer> ticker = Coro.of(() -> {
            int ticks = 0;
            while (!shape.isDone()) {
                Coro.yield();
                ticks++;
            }
            return ticks;
        });
        List<Object> both = new Loop().run(Coro.of(() -> Coro.yield(List.of(shape, ticker))));
        return name + "=" + both.get(0) + "/" + both.get(1) + " ";
    }

    /**
     * Runs every shape.
     *
     * @return the log
     */
    public static String run() {
        Plain.Shape local = new Plain.Shape() {
            @Override
            public int area() {
                return Pause.pass(5);
            }
        };
        Plain.Source<Integer> counter = new Plain.Counter();
        Plain.Box box = new Plain.Gift();
        Function<Integer, Integer> doubled = x -> Pause.pass(x) * 2;
        IntSupplier three = () -> Pause.pass(3);
        Plain.Made made = new Plain.Made();
        return ticked("plain", Coro.of(() -> Plain.twoPauses(2)))
                + ticked("enum", Coro.of(Plain.Kind.SQUARE::twice))
                + ticked("anonymous", Coro.of(local::twice))
                + ticked("bridge", Coro.of(() -> counter.next() + counter.next()))
                + ticked("covariant", Coro.of(box::open))
                + ticked("retry", Coro.of(() -> Plain.retry(2, () -> doubled.apply(4))))
                + ticked("supplier", Coro.of(() -> Plain.plusOne(three)))
                + ticked("staticRef", Coro.of(Boundaries::viaReference))
                + ticked("constructorRef", Coro.of(() -> build(Plain.Made::new).value()))
                + ticked("virtualRef", Coro.of(made::value))
                + ticked("foreignRef", Coro.of(Plain::retryNothing));
    }

    private static int viaReference() {
        Supplier<Integer> supplier = Boundaries::paused;
        return supplier.get() + 1;
    }

    private static Integer paused() {
        return Pause.pass(10);
    }

    private static <T> T build(Supplier<T> factory) {
        return factory.get();
    }
}
