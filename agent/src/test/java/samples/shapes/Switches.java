package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;

/**
 * Switches on int, String and enum, old-style (with a fall-through) and arrow form (as an expression, with the
 * builder it is appended to waiting on the stack), each with a yield in the selector and yields in the cases. Every
 * switch sees four keys: the first case yields a value, the second is plain, the third cedes in a block, and the
 * default yields a value made from the key.
 */
public final class Switches {
    private Switches() {
    }

    enum Colour {
        RED, GREEN, BLUE, BLACK
    }

    public static final class OldStyleOnInt {
        private OldStyleOnInt() {
        }

        @SuppressWarnings("fallthrough")
        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (int key = 0; key < 4; key++) {
                    log.append(key);
                    switch (Coro.yield(value(key))) {
                        case 0:
                            out.append(Coro.yield(value("A")));
                            // fall through
                        case 1:
                            out.append("B;");
                            break;
                        case 2:
                            Coro.yield();
                            out.append("C;");
                            break;
                        default:
                            out.append("other ").append(Coro.yield(value(key))).append(';');
                    }
                }
                return out.toString();
            }));
        }
    }

    public static final class ArrowOnInt {
        private ArrowOnInt() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (int key = 0; key < 4; key++) {
                    log.append(key);
                    out.append(switch (Coro.yield(value(key))) {
                        case 0 -> Coro.yield(value("A"));
                        case 1 -> "B";
                        case 2 -> {
                            Coro.yield();
                            yield "C";
                        }
                        default -> "other " + Coro.yield(value(key));
                    }).append(';');
                }
                return out.toString();
            }));
        }
    }

    /** The keys "Aa" and "BB" have the same hash code, so the cases share a bucket of the hash switch. */
    public static final class OldStyleOnString {
        private OldStyleOnString() {
        }

        @SuppressWarnings("fallthrough")
        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                String[] keys = {"Aa", "BB", "c", "zz"};
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < keys.length; i++) {
                    log.append(i);
                    switch (Coro.yield(value(keys[i]))) {
                        case "Aa":
                            out.append(Coro.yield(value("A")));
                            // fall through
                        case "BB":
                            out.append("B;");
                            break;
                        case "c":
                            Coro.yield();
                            out.append("C;");
                            break;
                        default:
                            out.append("other ").append(Coro.yield(value(keys[i]))).append(';');
                    }
                }
                return out.toString();
            }));
        }
    }

    public static final class ArrowOnString {
        private ArrowOnString() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                String[] keys = {"Aa", "BB", "c", "zz"};
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < keys.length; i++) {
                    log.append(i);
                    out.append(switch (Coro.yield(value(keys[i]))) {
                        case "Aa" -> Coro.yield(value("A"));
                        case "BB" -> "B";
                        case "c" -> {
                            Coro.yield();
                            yield "C";
                        }
                        default -> "other " + Coro.yield(value(keys[i]));
                    }).append(';');
                }
                return out.toString();
            }));
        }
    }

    public static final class OldStyleOnEnum {
        private OldStyleOnEnum() {
        }

        @SuppressWarnings("fallthrough")
        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (Colour key : Colour.values()) {
                    log.append(key.ordinal());
                    switch (Coro.yield(value(key))) {
                        case RED:
                            out.append(Coro.yield(value("A")));
                            // fall through
                        case GREEN:
                            out.append("B;");
                            break;
                        case BLUE:
                            Coro.yield();
                            out.append("C;");
                            break;
                        default:
                            out.append("other ").append(Coro.yield(value(key))).append(';');
                    }
                }
                return out.toString();
            }));
        }
    }

    public static final class ArrowOnEnum {
        private ArrowOnEnum() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (Colour key : Colour.values()) {
                    log.append(key.ordinal());
                    out.append(switch (Coro.yield(value(key))) {
                        case RED -> Coro.yield(value("A"));
                        case GREEN -> "B";
                        case BLUE -> {
                            Coro.yield();
                            yield "C";
                        }
                        default -> "other " + Coro.yield(value(key));
                    }).append(';');
                }
                return out.toString();
            }));
        }
    }
}
