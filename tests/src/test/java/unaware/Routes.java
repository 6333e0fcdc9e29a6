package unaware;

/**
 * Ways for code to reach a call, as users write them, none of which names the library: the property tests route
 * their coroutines' actions through these, so that suspensions pass through helpers, interfaces, enum constant
 * bodies, template methods and method references.
 */
public final class Routes {
    private Routes() {
    }

    /**
     * Runs some work: a plain higher-order helper.
     *
     * @param work the work
     */
    public static void through(Runnable work) {
        work.run();
    }

    /** A step of work, implemented elsewhere. */
    public interface Step {
        /** Takes the step. */
        void take();
    }

    /** When to run some work, each constant with its own body. */
    public enum When {
        /** Runs it at once. */
        NOW {
            @Override
            public void run(Runnable work) {
                work.run();
            }
        },
        /** Never runs it. */
        NEVER {
            @Override
            public void run(Runnable work) {
            }
        };

        /**
         * Runs the work, or not.
         *
         * @param work the work
         */
        public abstract void run(Runnable work);
    }

    /** A template method around a body that subclasses give. */
    public abstract static class Template {
        private int runs;

        /**
         * Runs the body once more.
         *
         * @return how often it has run
         */
        public final int run() {
            body();
            return ++runs;
        }

        /** The body. */
        protected abstract void body();
    }
}
