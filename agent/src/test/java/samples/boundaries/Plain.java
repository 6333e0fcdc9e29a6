package samples.boundaries;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Never names the library: it suspends only through {@link Pause}, and through the callbacks it is given. */
final class Plain {
    private Plain() {
    }

    static int twoPauses(int x) {
        return Pause.pass(x) + Pause.pass(x);
    }

    static <T> T retry(int times, Supplier<T> body) {
        T answer = null;
        for (int i = 0; i < times && answer == null; i++) {
            answer = body.get();
        }
        return answer;
    }

    static String retryNothing() {
        return retry(1, () -> "n" + twoPauses(0));
    }

    static int plusOne(IntSupplier supplier) {
        return supplier.getAsInt() + 1;
    }

    /** An interface implemented by enum constant bodies, anonymous, local and generic classes. */
    interface Shape {
        int area();

        default int twice() {
            return area() + area();
        }
    }

    enum Kind implements Shape {
        SQUARE {
            @Override
            public int area() {
                return Pause.pass(4);
            }
        },
        NONE {
            @Override
            public int area() {
                return 0;
            }
        }
    }

    interface Source<T> {
        T next();
    }

    static final class Counter implements Source<Integer> {
        private int count;

        @Override
        public Integer next() {
            return Pause.pass(++count);
        }
    }

    static class Box {
        Object open() {
            return "empty";
        }
    }

    static final class Gift extends Box {
        @Override
        String open() {
            return "gift" + Pause.pass(1);
        }
    }

    static final class Made {
        final int value;

        Made() {
            this.value = 7;
        }

        int value() {
            return Pause.pass(value);
        }
    }
}
