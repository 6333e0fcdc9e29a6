package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;
import java.util.stream.Stream;

/** Expressions and statements with suspensions inside: concatenation, ternaries, short circuits, loops, labels. */
public final class ControlFlow {
    private ControlFlow() {
    }

    /** String concatenation with its earlier operands, a long among them, waiting on the stack. */
    public static final class Concatenation {
        private Concatenation() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                String y = "y";
                int n = 7;
                long big = 1L << 40;
                log.append('a');
                String first = "x" + Coro.yield(value(1)) + y;
                log.append('b');
                String second = first + n + Coro.yield(value("m")) + big + Coro.yield(value(2.5));
                log.append('c');
                return second;
            }));
        }
    }

    /** Yields on both branches of ternaries, in a ternary's condition, and below a long operand. */
    public static final class Ternaries {
        private Ternaries() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                long big = 1L << 40;
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < 2; i++) {
                    boolean even = i % 2 == 0;
                    log.append(i);
                    out.append(even ? Coro.yield(value("even")) : Coro.yield(value("odd"))).append(' ');
                    out.append(big + (even ? Coro.yield(value(1L)) : Coro.yield(value(2L)))).append(' ');
                    out.append(Coro.yield(value(even)) ? 'T' : 'F').append(';');
                }
                return out.toString();
            }));
        }
    }

    /** {@code &&} and {@code ||} with yields in both operands; each operand logs its name when it is evaluated. */
    public static final class ShortCircuit {
        private ShortCircuit() {
        }

        static Coro<Boolean> operand(StringBuilder log, String name, boolean value) {
            return Coro.of(() -> {
                log.append(name);
                return value;
            });
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < 4; i++) {
                    boolean a = (i & 1) != 0;
                    boolean b = (i & 2) != 0;
                    log.append(i);
                    out.append(Coro.yield(operand(log, "a", a)) && Coro.yield(operand(log, "b", b)) ? '&' : '-');
                    out.append(Coro.yield(operand(log, "a", a)) || Coro.yield(operand(log, "b", b)) ? '|' : '-');
                    out.append(';');
                }
                return out.toString();
            }));
        }
    }

    /**
     * 10,000 iterations, each yielding once: each finds the ticker exactly one step further, and the Java stack
     * is as deep after every resumption.
     */
    public static final class TenThousandIterations {
        private TenThousandIterations() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                long sum = 0;
                int inStep = 0;
                long shallowest = Long.MAX_VALUE;
                long deepest = 0;
                for (int i = 0; i < 10_000; i++) {
                    if (log.length() == i) {
                        inStep++;
                    }
                    Coro.yield();
                    long depth = StackWalker.getInstance().walk(Stream::count);
                    shallowest = Math.min(shallowest, depth);
                    deepest = Math.max(deepest, depth);
                    sum += i;
                }
                return "sum " + sum + ", in step " + inStep + ", stack growth " + (deepest - shallowest);
            }));
        }
    }

    /** Labelled {@code continue} and {@code break} of an outer loop, right after suspensions. */
    public static final class LabelledJumps {
        private LabelledJumps() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                outer:
                for (int i = 0; i < 3; i++) {
                    log.append(i);
                    for (int j = 0; j < 3; j++) {
                        int v = Coro.yield(value(10 * i + j));
                        if (v == 1) {
                            Coro.yield();
                            continue outer;
                        }
                        if (v == 21) {
                            break outer;
                        }
                        out.append(v).append(';');
                    }
                }
                return out.append("end").toString();
            }));
        }
    }
}
