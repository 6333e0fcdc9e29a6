package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

/** Every primitive type, and references, alive across suspensions, interleaved with a second coroutine. */
public final class Primitives {
    private Primitives() {
    }

    public static String run() {
        StringBuilder trace = new StringBuilder();
        Coro<String> values = Coro.of(() -> {
            boolean z = true;
            byte b = Byte.MIN_VALUE;
            char c = '\uffff';
            short s = Short.MAX_VALUE;
            int i = Integer.MIN_VALUE;
            long j = Long.MAX_VALUE;
            float f = Float.NaN;
            double d = -0.0;
            float f2 = Float.MIN_VALUE;
            double d2 = Double.NEGATIVE_INFINITY;
            String text = "text";
            int[] array = {1, 2, 3};
            Object nothing = null;
            trace.append('a');
            Coro.yield();
            trace.append('c');
            Coro.yield();
            return z + " " + b + " " + (int) c + " " + s + " " + i + " " + j + " " + f + " "
                    + (1 / d) + " " + f2 + " " + d2 + " " + text + " " + array[2] + " " + nothing;
        });
        Coro<String> other = Coro.of(() -> {
            trace.append('b');
            Coro.yield();
            trace.append('d');
            return "other";
        });
        List<String> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(values, other))));
        return trace + " " + out;
    }
}
