package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;

/** Objects under construction ({@code new} before its arguments) on the operand stack at a suspension. */
public final class Construction {
    private Construction() {
    }

    static final class Pair {
        private final Object left;
        private final Object right;

        Pair(Object left, Object right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public String toString() {
            return "(" + left + ", " + right + ")";
        }
    }

    static final class Box {
        private final Object content;

        Box(Object content) {
            this.content = content;
        }

        @Override
        public String toString() {
            return "[" + content + "]";
        }
    }

    /** {@code new Pair(Coro.yield(a), Coro.yield(b))}: at the second yield, the first result sits above the new. */
    public static final class SuspendingArguments {
        private SuspendingArguments() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                Pair pair = new Pair(Coro.yield(value("x")), Coro.yield(value(1)));
                log.append('b');
                return pair;
            }));
        }
    }

    /** {@code new Box(new Box(Coro.yield(c)))}, and a suspending nested new below a finished argument. */
    public static final class NestedConstruction {
        private NestedConstruction() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                Box nested = new Box(new Box(Coro.yield(value("c"))));
                log.append('b');
                Pair mixed = new Pair(nested, new Box(Coro.yield(value(2))));
                log.append('c');
                return mixed;
            }));
        }
    }
}
