package unaware;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shapes users write, in a package that never names the library: interfaces, abstract classes, enum constant
 * bodies, anonymous and local classes, records, generic and covariant overrides, default methods, a retrying
 * helper taking a {@link Supplier}, iterators. Each suspends only through {@link Doubler}.
 */
public final class Shapes {
    private Shapes() {
    }

    /** A greeting, implemented below by a class that suspends. */
    public interface Greeter {
        /**
         * Greets someone.
         *
         * @param name who
         * @return the greeting
         */
        String greet(String name);

        /**
         * Greets twice, through the abstract method.
         *
         * @param name who
         * @return both greetings
         */
        default String greetTwice(String name) {
            return greet(name) + greet(name);
        }
    }

    /** Greets after a suspension. */
    public static final class SlowGreeter implements Greeter {
        @Override
        public String greet(String name) {
            return "hi " + Doubler.twice(name);
        }
    }

    /** A template method over an abstract step. */
    public abstract static class Job {
        /**
         * The step.
         *
         * @return its result
         */
        protected abstract String step();

        /**
         * Runs the step and marks it done.
         *
         * @return the step's result, marked
         */
        public String run() {
            return "[" + step() + "]";
        }
    }

    /** Operations whose constants have bodies of their own. */
    public enum Op {
        /** Doubles its word after a suspension. */
        LOUD {
            @Override
            String apply(String s) {
                return Doubler.twice(s).toUpperCase();
            }
        },
        /** Leaves its word alone. */
        QUIET {
            @Override
            String apply(String s) {
                return s;
            }
        };

        abstract String apply(String s);

        /**
         * Applies the operation.
         *
         * @param s the word
         * @return the result
         */
        public String on(String s) {
            return apply(s);
        }
    }

    /** A source of values, generic so that implementations get a bridge method. */
    public interface Source<T> {
        /**
         * The next value.
         *
         * @return it
         */
        T next();
    }

    /** A shelf whose subclass narrows what it takes. */
    public static class Shelf {
        /**
         * Takes something.
         *
         * @return it
         */
        public Object take() {
            return "nothing";
        }
    }

    /** Narrows the return type and suspends. */
    public static final class BookShelf extends Shelf {
        @Override
        public String take() {
            return Doubler.twice("book");
        }
    }

    /**
     * A point.
     *
     * @param x its coordinate
     */
    public record Point(int x) {
        /**
         * Its coordinate, doubled as text after a suspension.
         *
         * @return the text
         */
        public String twice() {
            return Doubler.twice(String.valueOf(x));
        }
    }

    /**
     * Retries a body until it gives something other than {@code null}: a user's own higher-order helper.
     *
     * @param times how often to try
     * @param body the body
     * @param <T> what it gives
     * @return the first answer that is not {@code null}
     */
    public static <T> T retry(int times, Supplier<T> body) {
        for (int i = 0; i < times; i++) {
            T answer = body.get();
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    /** @return the job's result, through an anonymous class */
    public static String anonymousJob() {
        return new Job() {
            @Override
            protected String step() {
                return Doubler.twice("anon");
            }
        }.run();
    }

    /** @return the result of a local class's method, through an interface */
    public static String localClass() {
        class Local implements Source<String> {
            @Override
            public String next() {
                return Doubler.twice("local");
            }
        }
        Source<String> source = new Local();
        return source.next();
    }

    /** @return what a Function, a Callable and a Supplier made of lambdas give */
    public static String functions() throws Exception {
        Function<String, String> f = s -> Doubler.twice(s);
        Callable<String> c = () -> Doubler.twice("c");
        Supplier<String> s = Shapes::fromSupplier;
        return f.apply("f") + c.call() + s.get();
    }

    private static String fromSupplier() {
        return Doubler.twice("s");
    }

    /** @return the words an iterator whose {@code next} suspends gives, through a for-each loop */
    public static List<String> iterate() {
        List<String> out = new ArrayList<>();
        Iterable<String> words = () -> new Iterator<>() {
            private int left = 2;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public String next() {
                return Doubler.twice("w" + left--);
            }
        };
        for (String word : words) {
            out.add(word);
        }
        return out;
    }

    /** @return a greeting made by a method reference to another class's instance method */
    public static Supplier<String> greeting() {
        return new Bound("pat")::greet;
    }

    /** Greets one name. */
    public static final class Bound {
        private final String name;

        Bound(String name) {
            this.name = name;
        }

        /** @return the greeting, after a suspension */
        public String greet() {
            return "hey " + Doubler.twice(name);
        }
    }
}
