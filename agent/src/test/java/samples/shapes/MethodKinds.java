package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;
import dev.tinyio.Suspendable;
import java.util.List;

/** Every kind of method that can suspend: where it is declared, how it is called, and how it is made a body. */
public final class MethodKinds {
    private MethodKinds() {
    }

    /** Static, instance, private and private static helpers, nested so that each waits on the stack of the next. */
    public static final class OwnMethods {
        private final String name;

        private OwnMethods(String name) {
            this.name = name;
        }

        static String viaStatic(String s) {
            return s + Coro.yield(value("s"));
        }

        private static String viaPrivateStatic(String s) {
            Coro.yield();
            return s + "q";
        }

        String viaInstance(String s) {
            Coro.yield();
            return s + name;
        }

        private String viaPrivate(String s) {
            return s + Coro.yield(value("p")) + name;
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            OwnMethods own = new OwnMethods("!");
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                String result = own.viaPrivate(own.viaInstance(viaPrivateStatic(viaStatic("x"))));
                log.append('b');
                return result;
            }));
        }
    }

    /** Generic methods that yield: results are cast back at the call site, bounds erase to their bound. */
    public static final class GenericMethods {
        private GenericMethods() {
        }

        static <T> T id(T t) {
            Coro.yield();
            return t;
        }

        static <T extends Comparable<T>> T larger(T a, T b) {
            Coro.yield();
            return a.compareTo(b) >= 0 ? a : b;
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                String s = id("s");
                int n = id(41) + 1;
                List<String> list = id(List.of("l"));
                long min = id(Long.MIN_VALUE);
                String max = larger("a", "b");
                log.append('b');
                return s + n + list + min + max;
            }));
        }
    }

    /** A default method that yields and calls a private interface method that yields, called both ways. */
    public static final class InterfaceMethods {
        private InterfaceMethods() {
        }

        interface Greeter {
            String language();

            default String greet(String whom) {
                Coro.yield();
                return salutation() + ", " + whom + " (" + language() + ")";
            }

            private String salutation() {
                return Coro.yield(value("hello"));
            }
        }

        static final class English implements Greeter {
            @Override
            public String language() {
                return "en";
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                Greeter viaInterface = new English();
                English viaClass = new English();
                log.append('a');
                String first = viaInterface.greet("you");
                log.append('b');
                String second = viaClass.greet("me");
                log.append('c');
                return first + "; " + second;
            }));
        }
    }

    /** A record's method that yields and reads the record's components around its suspensions. */
    public static final class RecordMethod {
        private RecordMethod() {
        }

        record Point(int x, long y) {
            String describe(String label) {
                Coro.yield();
                return label + "(" + x + ", " + Coro.yield(value(y)) + ")";
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                String described = new Point(3, Long.MAX_VALUE).describe("p");
                log.append('b');
                return described;
            }));
        }
    }

    /** An enum's method that yields, overridden by a constant-specific body that yields and calls super. */
    public static final class EnumMethod {
        private EnumMethod() {
        }

        enum Coin {
            PENNY(1), NICKEL(5), DIME(10) {
                @Override
                String worth(int count) {
                    Coro.yield();
                    return "dimes " + super.worth(count);
                }
            };

            private final int cents;

            Coin(int cents) {
                this.cents = cents;
            }

            String worth(int count) {
                return name() + "=" + count * Coro.yield(value(cents));
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (Coin coin : Coin.values()) {
                    log.append(coin.ordinal());
                    out.append(coin.worth(2)).append(';');
                }
                return out.toString();
            }));
        }
    }

    /** An inner class's methods yield and read and update their outer instance's fields. */
    public static final class InnerClass {
        private final String name;
        private int total;

        private InnerClass(String name) {
            this.name = name;
        }

        final class Adder {
            private final int step;

            Adder(int step) {
                this.step = step;
            }

            int add() {
                total += Coro.yield(value(step));
                return total;
            }

            String describe() {
                Coro.yield();
                return name + "=" + total;
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            InnerClass outer = new InnerClass("total");
            return Ticker.run(log, Coro.of(() -> {
                InnerClass.Adder adder = outer.new Adder(5);
                log.append('a');
                int first = adder.add();
                int second = adder.add();
                log.append('b');
                return first + " " + second + " " + adder.describe();
            }));
        }
    }

    /** An anonymous class implementing {@code Coro.Body}, with a field and a private helper that yields. */
    public static final class AnonymousBody {
        private AnonymousBody() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(new Coro.Body<String>() {
                private int steps;

                @Override
                public String run() {
                    log.append('a');
                    String first = Coro.yield(value("x"));
                    step();
                    log.append('b');
                    step();
                    return first + steps;
                }

                private void step() {
                    Coro.yield();
                    steps++;
                }
            }));
        }
    }

    /** Bodies made by method references: {@code Coro.of(this::body)} and {@code Coro.of(Class::staticBody)}. */
    public static final class MethodReferences {
        private final StringBuilder log = new StringBuilder();

        private MethodReferences() {
        }

        String body() {
            log.append('a');
            Coro.yield();
            log.append('b');
            return "bound" + Coro.yield(value(1));
        }

        static String staticBody() {
            Coro.yield();
            return "static" + Coro.yield(value(2));
        }

        private String runBound() {
            return Ticker.run(log, Coro.of(this::body));
        }

        public static String run() {
            return new MethodReferences().runBound() + " | "
                    + Ticker.run(new StringBuilder(), Coro.of(MethodReferences::staticBody));
        }
    }

    /** Coroutine bodies nested three deep, the innermost two capturing from the outermost. */
    public static final class LambdasInLambdas {
        private LambdasInLambdas() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                String prefix = "outer";
                log.append('a');
                Coro<String> inner = Coro.of(() -> {
                    log.append('i');
                    Coro<Integer> innermost = Coro.of(() -> {
                        log.append('j');
                        Coro.yield();
                        return prefix.length();
                    });
                    return prefix + " inner" + Coro.yield(innermost);
                });
                return Coro.yield(inner);
            }));
        }
    }

    /**
     * A covariant override: only the subclass's {@code String next()} suspends; the compiler's bridge
     * {@code Object next()} calls it. The base method is marked {@code @Suspendable} so that calls through the base
     * type pass suspensions through, as the README asks for virtual dispatch.
     */
    public static final class BridgeMethod {
        private BridgeMethod() {
        }

        static class Source {
            @Suspendable
            Object next() {
                return "plain";
            }
        }

        static final class Counter extends Source {
            private int count;

            @Override
            String next() {
                Coro.yield();
                count++;
                return "n" + count;
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                Source plain = new Source();
                Counter counter = new Counter();
                Source viaBase = counter;
                log.append('a');
                Object first = plain.next();
                Object second = viaBase.next();
                log.append('b');
                String third = counter.next();
                log.append('c');
                return first + " " + second + " " + third;
            }));
        }
    }

    /**
     * A sub-interface redeclares a {@code @Suspendable} method with a narrower return type, without the
     * annotation: it still overrides it, so calls through the sub-interface pass suspensions through.
     */
    public static final class CovariantRedeclaration {
        private CovariantRedeclaration() {
        }

        interface Maker {
            @Suspendable
            Object make();
        }

        interface StringMaker extends Maker {
            @Override
            String make();
        }

        static final class Made implements StringMaker {
            @Override
            public String make() {
                return "m" + Coro.yield(value(1));
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringMaker viaSub = new Made();
                Maker viaBase = viaSub;
                log.append('a');
                String first = viaSub.make();
                log.append('b');
                Object second = viaBase.make();
                return first + " " + second;
            }));
        }
    }

    /** Recursion 1,000 deep before the first suspension, then a yield at every level on the way back up. */
    public static final class DeepRecursion {
        private DeepRecursion() {
        }

        static long sum(int level) {
            if (level == 0) {
                Coro.yield();
                return 0;
            }
            long total = level + sum(level - 1);
            Coro.yield();
            return total;
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                long total = sum(1000);
                log.append('b');
                return total;
            }));
        }
    }
}
