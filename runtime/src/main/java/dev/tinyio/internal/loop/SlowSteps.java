package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Debug mode's watchdog: a daemon thread that looks at the steps of every run in debug mode, and when one has run
 * longer than its loop's threshold, logs a warning naming the coroutine with the stack its thread is in at that
 * moment, while the step still runs. A coroutine that calls a blocking method ({@code Thread.sleep}, a lock, a
 * JDBC call) stalls every other coroutine of its loop; this finds it the first time it happens.
 */
final class SlowSteps {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");
    /** How often the watchdog looks, at most; and at least four times per threshold. */
    private static final long LONGEST_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    /** The runs being watched. */
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    /** The watchdog thread, once started. */
    private static Thread watchdog;

    private SlowSteps() {
    }

    /**
     * Watches the steps of a run on the current thread.
     *
     * @param thresholdNanos how long a step may run before a warning
     * @return the watch, which the run tells of each step
     */
    static Watch watch(long thresholdNanos) {
        Watch watch = new Watch(Thread.currentThread(), thresholdNanos);
        WATCHES.add(watch);
        wake();
        return watch;
    }

    private static synchronized void wake() {
        if (watchdog == null) {
            watchdog = new Thread(SlowSteps::lookForever, "tinyio-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        } else {
            LockSupport.unpark(watchdog);
        }
    }

    private static void lookForever() {
        while (true) {
            if (WATCHES.isEmpty()) {
                LockSupport.park(SlowSteps.class);
                continue;
            }
            long period = LONGEST_LOOK_NANOS;
            long now = System.nanoTime();
            for (Watch watch : WATCHES) {
                watch.look(now);
                period = Math.min(period, Math.max(1, watch.thresholdNanos / 4));
            }
            LockSupport.parkNanos(SlowSteps.class, period);
        }
    }

    /** One run's step in progress, as the watchdog sees it. */
    static final class Watch {
        private final Thread thread;
        private final long thresholdNanos;
        /** The coroutine being stepped, or {@code null} between steps. */
        private volatile Coro<?> stepping;
        /** When its step began. */
        private volatile long since;
        /** Whether this step was warned about. */
        private volatile boolean warned;

        private Watch(Thread thread, long thresholdNanos) {
            this.thread = thread;
            this.thresholdNanos = thresholdNanos;
        }

        /** A step of a coroutine begins. */
        void begin(Coro<?> coro) {
            since = System.nanoTime();
            warned = false;
            stepping = coro;
        }

        /** The step ended. */
        void end() {
            stepping = null;
        }

        /** The run ended: it is watched no more. */
        void close() {
            stepping = null;
            WATCHES.remove(this);
        }

        /** On the watchdog's thread: warns once of a step that has run too long, with where it is now. */
        private void look(long now) {
            Coro<?> coro = stepping;
            long began = since;
            if (coro == null || warned || now - began < thresholdNanos) {
                return;
            }
            StackTraceElement[] stack = thread.getStackTrace();
            if (stepping != coro || since != began) {
                // The step ended while the stack was sampled: the stack may be of another step.
                return;
            }
            warned = true;
            StringBuilder where = new StringBuilder();
            for (StackTraceElement element : stack) {
                where.append("\n\tat ").append(element);
            }
            LOG.log(Level.WARNING, "Coroutine " + coro + " has run for " + TimeUnit.NANOSECONDS.toMillis(now - began)
                    + " ms without yielding, and no other coroutine of its loop can run until it does: it is blocked "
                    + "in a call that does not yield (a sleep, a lock, I/O). Run blocking calls with "
                    + "Tinyio.runInThread, and wait with Tinyio.sleep or an Event. Its thread \"" + thread.getName()
                    + "\" is at:" + where);
        }
    }
}
