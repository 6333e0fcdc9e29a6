package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

/** Handlers around suspensions, and exceptions crossing the frames of one coroutine. */
public final class Exceptions {
    private Exceptions() {
    }

    /** Yields in a try, in a catch, in a finally run with an exception pending, and in a finally run normally. */
    public static final class CatchAndFinally {
        private CatchAndFinally() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                try {
                    try {
                        log.append('a');
                        Coro.yield();
                        throw new IllegalStateException("first");
                    } catch (IllegalStateException e) {
                        log.append('b');
                        out.append(Coro.yield(value(e.getMessage())));
                        throw new IllegalArgumentException("second");
                    } finally {
                        log.append('c');
                        Coro.yield();
                        log.append('d');
                    }
                } catch (IllegalArgumentException e) {
                    log.append('e');
                    out.append(' ').append(Coro.yield(value(e.getMessage())));
                } finally {
                    log.append('f');
                    Coro.yield();
                    log.append('g');
                }
                return out.toString();
            }));
        }
    }

    /** A helper throws after it was suspended and re-entered; a caller one frame up, then two frames up, catches. */
    public static final class ThrowAfterResuming {
        private ThrowAfterResuming() {
        }

        static int failAfterResuming(String message) {
            Coro.yield();
            throw new IllegalStateException(message);
        }

        static String catchOneUp(String message) {
            try {
                return "missed " + failAfterResuming(message);
            } catch (IllegalStateException e) {
                return "caught " + e.getMessage();
            }
        }

        static int passThrough(String message) {
            int before = Coro.yield(value(1));
            return before + failAfterResuming(message);
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                String first = catchOneUp("one");
                log.append('b');
                String second;
                try {
                    second = "missed " + passThrough("two");
                } catch (IllegalStateException e) {
                    second = "caught " + e.getMessage();
                }
                log.append('c');
                return first + ", " + second;
            }));
        }
    }

    /**
     * try-with-resources in three stackful frames (the body, a helper, and its helper) around suspensions. A sibling
     * coroutine fails while the innermost helper is suspended, so a {@code CancelledError} arrives there: each
     * resource must close exactly once, innermost first, before the body's handler sees the cancellation.
     */
    public static final class ResourcesOnCancellation {
        private ResourcesOnCancellation() {
        }

        static final class Resource implements AutoCloseable {
            private final String name;
            private final StringBuilder log;

            Resource(String name, StringBuilder log) {
                this.name = name;
                this.log = log;
                log.append("open ").append(name).append(';');
            }

            String name() {
                return name;
            }

            @Override
            public void close() {
                log.append("close ").append(name).append(';');
            }
        }

        static String body(StringBuilder log) {
            try (Resource resource = new Resource("body", log)) {
                return resource.name() + helper(log);
            } catch (CancelledError e) {
                log.append("cancelled;");
                throw e;
            }
        }

        static String helper(StringBuilder log) {
            try (Resource resource = new Resource("helper", log)) {
                Coro.yield();
                return resource.name() + innerHelper(log);
            }
        }

        static String innerHelper(StringBuilder log) {
            try (Resource resource = new Resource("inner helper", log)) {
                Coro.yield();
                log.append("inner helper resumed;");
                Coro.yield();
                log.append("not cancelled;");
                return resource.name();
            }
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            Coro<String> subject = Coro.of(() -> body(log));
            Coro<Void> sibling = Coro.ofVoid(() -> {
                for (int i = 0; i < 2; i++) {
                    log.append("sibling;");
                    Coro.yield();
                }
                throw new IllegalStateException("sibling failed");
            });
            try {
                new Loop().run(Coro.of(() -> Coro.yield(List.of(subject, sibling))));
                return log + " no failure";
            } catch (IllegalStateException e) {
                return log + " " + e.getMessage();
            }
        }
    }
}
