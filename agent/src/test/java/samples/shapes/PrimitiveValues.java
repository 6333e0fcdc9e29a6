package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;

/** Every primitive type, at its edge values, alive across suspensions in locals, on the stack and in helpers. */
public final class PrimitiveValues {
    private PrimitiveValues() {
    }

    /** Locals of every primitive type; the NaNs carry a payload, which must survive bit for bit. */
    public static final class Locals {
        private Locals() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                boolean z = true;
                byte b = Byte.MIN_VALUE;
                char c = Character.MAX_VALUE;
                short s = Short.MIN_VALUE;
                int i = Integer.MAX_VALUE;
                long j = Long.MIN_VALUE;
                long k = Long.MAX_VALUE;
                float f = Float.NEGATIVE_INFINITY;
                float fMax = Float.MAX_VALUE;
                float fNan = Float.intBitsToFloat(0x7fc00123);
                double d = Double.MAX_VALUE;
                double dMin = Double.MIN_VALUE;
                double negativeZero = -0.0;
                double dNan = Double.longBitsToDouble(0x7ff8000000000123L);
                log.append('a');
                Coro.yield();
                log.append('b');
                long resumedWith = Coro.yield(value(-1L));
                log.append('c');
                return z + " " + b + " " + (int) c + " " + s + " " + i + " " + j + " " + k + " " + f + " " + fMax
                        + " " + Integer.toHexString(Float.floatToRawIntBits(fNan)) + " " + d + " " + dMin + " "
                        + negativeZero + " " + Long.toHexString(Double.doubleToRawLongBits(dNan)) + " " + resumedWith;
            }));
        }
    }

    /** Every primitive type on the operand stack below a suspending call, and arithmetic that wraps or overflows. */
    public static final class OperandStack {
        private OperandStack() {
        }

        static String join(boolean z, byte b, char c, short s, int i, long j, float f, double d, Object last) {
            return z + "," + b + "," + c + "," + s + "," + i + "," + j + "," + f + "," + d + "," + last;
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                long min = Long.MIN_VALUE;
                double max = Double.MAX_VALUE;
                float negativeInfinity = Float.NEGATIVE_INFINITY;
                int intMax = Integer.MAX_VALUE;
                log.append('a');
                String joined = join(true, Byte.MAX_VALUE, 'x', Short.MIN_VALUE, -1, min, negativeInfinity, -0.0,
                        Coro.yield(value("last")));
                long wrapped = min - Coro.yield(value(1L));
                double overflow = max * Coro.yield(value(2.0));
                float stillInfinite = negativeInfinity + Coro.yield(value(1.0f));
                int intWrapped = intMax + Coro.yield(value(1));
                char next = (char) ('a' + Coro.yield(value(1)));
                log.append('b');
                return joined + " " + wrapped + " " + overflow + " " + stillInfinite + " " + intWrapped + " " + next;
            }));
        }
    }

    /**
     * One helper per primitive type (overloads of one name) takes its value as a parameter, suspends, and returns it;
     * each result waits on the stack of the concatenation while the next helper suspends.
     */
    public static final class HelperParametersAndResults {
        private HelperParametersAndResults() {
        }

        static boolean resumed(boolean v) {
            Coro.yield();
            return v;
        }

        static byte resumed(byte v) {
            Coro.yield();
            return v;
        }

        static char resumed(char v) {
            Coro.yield();
            return v;
        }

        static short resumed(short v) {
            Coro.yield();
            return v;
        }

        static int resumed(int v) {
            Coro.yield();
            return v;
        }

        static long resumed(long v) {
            Coro.yield();
            return v;
        }

        static float resumed(float v) {
            Coro.yield();
            return v;
        }

        static double resumed(double v) {
            Coro.yield();
            return v;
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                String all = resumed(false) + " " + resumed(Byte.MIN_VALUE) + " " + (int) resumed(Character.MAX_VALUE)
                        + " " + resumed(Short.MAX_VALUE) + " " + resumed(Integer.MIN_VALUE) + " "
                        + resumed(Long.MIN_VALUE) + " " + resumed(Float.MAX_VALUE) + " " + resumed(Double.NaN) + " "
                        + resumed(-0.0);
                log.append('b');
                return all;
            }));
        }
    }
}
