package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;

/** Values left on the operand stack below a suspending call: ints, longs, doubles and references. */
public final class OperandStack {
    private OperandStack() {
    }

    static Coro<Integer> value(int x) {
        return Coro.of(() -> {
            Coro.yield();
            return x;
        });
    }

    static String join(String a, long b, String c, double d, int e) {
        return a + b + c + d + e;
    }

    public static String run() {
        return new Loop().run(Coro.of(() -> {
            long big = 1L << 40;
            int sum = 1 + Coro.yield(value(2)) * 10;
            String joined = join("x", big + Coro.yield(value(3)), "y", 0.5, Coro.yield(value(4)));
            return sum + " " + joined;
        }));
    }
}
