package dev.tinyio;

import dev.tinyio.internal.Fiber;
import dev.tinyio.internal.StackTraces;
import dev.tinyio.internal.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A coroutine: a body that a {@link Loop} runs, suspending it at each {@code Coro.yield}. It runs at most once;
 * yielding it again anywhere in the same loop waits for, or returns, that one result.
 *
 * <p>A method that calls {@code Coro.yield} must be instrumented, by the agent or the Maven plugin, so that it can
 * save its frame and return; called from code that was not, {@code Coro.yield} throws
 * {@link NotInstrumentedError}.
 *
 * @param <T> the type of the result
 */
public final class Coro<T> {
    /**
     * The code of a coroutine with a result.
     *
     * @param <T> the type of the result
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the coroutine.
         *
         * @return the result
         * @throws Exception anything; it crashes the loop, which cancels every other coroutine
         */
        T run() throws Exception;
    }

    /** The code of a coroutine without a result. */
    @FunctionalInterface
    public interface VoidBody {
        /**
         * Runs the coroutine.
         *
         * @throws Exception anything; it crashes the loop, which cancels every other coroutine
         */
        void run() throws Exception;
    }

    /** Not yet seen by any loop. */
    static final int NEW = 0;
    /** Known to its owner loop and not finished. */
    static final int ACTIVE = 1;
    /** Returned; {@link #result} holds the value. */
    static final int DONE = 2;
    /** Threw, or was cancelled; it has no result. */
    static final int FAILED = 3;

    /**
     * What runs it: a user's body ({@link Body} or {@link VoidBody}) until a step suspends it, and from then on the
     * fiber that holds its frames; for the runtime's own coroutines, their {@link Stepper} from the start. Until it
     * has a stepper, its loop steps the body on a spare fiber. One field, as a coroutine needs one at a time.
     */
    Object code;
    /** The loop that started it, or {@code null} while new. */
    Loop owner;
    /** One of {@link #NEW}, {@link #ACTIVE}, {@link #DONE}, {@link #FAILED}. */
    int state = NEW;
    /** The result once {@link #DONE}. */
    Object result;
    /**
     * The waiters registered on it while active: {@code null}, the one {@link Waiter} most coroutines have, or an
     * {@link ArrayList} of them in registration order.
     */
    private Object waiters;
    /** The waiter it is itself suspended on, which alone may wake it; {@code null} when not waiting. */
    Waiter waitingOn;
    /** Previous coroutine in its loop's insertion-ordered list of active coroutines. */
    Coro<?> previousActive;
    /** Next coroutine in its loop's insertion-ordered list of active coroutines. */
    Coro<?> nextActive;
    /** While it is in its loop's ready queue, which it is at most once: the value to resume it with. */
    Object resumeWith;

    Coro(Stepper stepper) {
        this.code = stepper;
    }

    private Coro(Object body) {
        if (body instanceof Stepper) {
            throw new IllegalArgumentException("A coroutine's body must not implement the runtime's internal "
                    + Stepper.class.getName() + ": " + body.getClass().getName());
        }
        this.code = body;
    }

    /** Its body suspended for the first time: it keeps the fiber that holds the suspended frames. */
    void keep(Fiber fiber) {
        code = fiber;
    }

    /** The stack it is suspended in, innermost first; empty before it starts. */
    StackTraceElement[] suspendedTrace() {
        return code instanceof Stepper stepper ? stepper.suspendedTrace() : Stepper.NO_FRAMES;
    }

    /**
     * A new, not yet started coroutine. Nothing runs until a loop schedules it.
     *
     * @param body the code to run
     * @param <T> the type of the result
     * @return the coroutine
     */
    public static <T> Coro<T> of(Body<T> body) {
        return new Coro<>((Object) Objects.requireNonNull(body, "body"));
    }

    /**
     * A new, not yet started coroutine without a result.
     *
     * @param body the code to run
     * @return the coroutine
     */
    public static Coro<Void> ofVoid(VoidBody body) {
        return new Coro<>((Object) Objects.requireNonNull(body, "body"));
    }

    /**
     * Cedes once: the coroutine resumes after everything already queued.
     *
     * @throws IllegalStateException outside a running loop
     * @throws NotInstrumentedError from a method that was not instrumented
     */
    public static void yield() {
        throw notInstrumented("Coro.yield()");
    }

    /**
     * Waits for another coroutine, starting it if the loop has not seen it yet.
     *
     * @param coro the coroutine to wait for
     * @param <R> the type of its result
     * @return its result
     * @throws IllegalStateException outside a running loop
     * @throws NotInstrumentedError from a method that was not instrumented
     */
    public static <R> R yield(Coro<R> coro) {
        throw notInstrumented("Coro.yield(Coro)");
    }

    /**
     * Gathers: waits for all the coroutines and returns their results in list order. An empty list cedes once.
     *
     * @param coros the coroutines to wait for; one may be listed twice
     * @param <R> the type of their results
     * @return their results, in order
     * @throws IllegalStateException outside a running loop
     * @throws NotInstrumentedError from a method that was not instrumented
     */
    public static <R> List<R> yield(List<? extends Coro<? extends R>> coros) {
        throw notInstrumented("Coro.yield(List)");
    }

    /**
     * Starts each coroutine in the background, in the set's iteration order, and resumes at once.
     *
     * @param coros the coroutines to start
     * @throws IllegalStateException outside a running loop
     * @throws NotInstrumentedError from a method that was not instrumented
     */
    public static void yield(Set<? extends Coro<?>> coros) {
        throw notInstrumented("Coro.yield(Set)");
    }

    /**
     * Whether it has finished: returned, thrown, or been cancelled.
     *
     * @return true once finished
     */
    public boolean isDone() {
        return state == DONE || state == FAILED;
    }

    private static RuntimeException notInstrumented(String what) {
        if (dev.tinyio.internal.Carrier.get().fiber == null) {
            throw StackTraces.outsideLoop(what);
        }
        throw StackTraces.notInstrumentedCaller(what);
    }

    void addWaiter(Waiter waiter) {
        if (waiters == null) {
            waiters = waiter;
        } else if (waiters instanceof Waiter first) {
            List<Waiter> both = new ArrayList<>(4);
            both.add(first);
            both.add(waiter);
            waiters = both;
        } else {
            waiterList().add(waiter);
        }
    }

    /** The waiters registered on it, in registration order, as a list of their own. */
    List<Waiter> waiters() {
        if (waiters == null) {
            return new ArrayList<>(0);
        }
        if (waiters instanceof Waiter one) {
            List<Waiter> single = new ArrayList<>(1);
            single.add(one);
            return single;
        }
        return new ArrayList<>(waiterList());
    }

    /** Drops every registration of a waiter. */
    void removeWaiter(Waiter waiter) {
        List<Waiter> kept = waiters();
        kept.removeIf(registered -> registered == waiter);
        waiters = null;
        kept.forEach(this::addWaiter);
    }

    /**
     * Takes the waiters away, for counting them down when it finishes.
     *
     * @return {@code null}, one {@link Waiter}, or a list of them in registration order
     */
    Object takeWaiters() {
        Object taken = waiters;
        waiters = null;
        return taken;
    }

    @SuppressWarnings("unchecked")
    private List<Waiter> waiterList() {
        return (List<Waiter>) waiters;
    }

    @Override
    public String toString() {
        Object what = code instanceof Stepper ? code : code.getClass().getName();
        return "Coro@" + Integer.toHexString(System.identityHashCode(this)) + "[" + what + "]";
    }
}
