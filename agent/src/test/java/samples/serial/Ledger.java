package samples.serial;

import dev.tinyio.Coro;
import java.io.Serializable;

/**
 * Serializable, with no serialVersionUID and no static initialiser until instrumenting adds one; so are its nested
 * classes, whose default values count their nesting (a protected class) and their outer instance (an inner class).
 */
public class Ledger implements Serializable {
    private final String owner;
    private int entries;
    private Entry last;
    private Line line;

    public Ledger(String owner, int entries) {
        this.owner = owner;
        this.entries = entries;
        this.last = new Entry("opening", entries);
        this.line = new Line("first");
    }

    /** Suspends, so that the class is instrumented. */
    public int addAfterYield() {
        Coro.yield();
        return ++entries;
    }

    @Override
    public String toString() {
        return owner + ":" + entries + " " + last + " " + line;
    }

    /** A protected nested class, whose class file says public and whose InnerClasses entry says protected. */
    protected static class Entry implements Serializable {
        private final String what;
        private final int amount;

        Entry(String what, int amount) {
            this.what = what;
            this.amount = amount;
        }

        int amountAfterYield() {
            Coro.yield();
            return amount;
        }

        @Override
        public String toString() {
            return what + "=" + amount;
        }
    }

    /** An inner class, with the outer instance in a field of its own. */
    final class Line implements Serializable {
        private final String text;

        Line(String text) {
            this.text = text;
        }

        String textAfterYield() {
            Coro.yield();
            return text + " of " + owner;
        }

        @Override
        public String toString() {
            return text + " of " + owner;
        }
    }
}
