package dev.tinyio;

import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Sneaky;
import dev.tinyio.internal.vocabulary.Stepper;
import dev.tinyio.internal.vocabulary.UninstrumentedYield;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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

    /*
     * The coroutine's record, kept by the loop. The core loop (dev.tinyio.internal.loop.CoroFields) reads and writes
     * these private fields through typed accessors; they are typed here only as far as this vocabulary can name the
     * types, since the layers above it own them. Nine fields and the header make 48 bytes.
     */

    /**
     * Told of every coroutine made, once debug mode has been turned on: the core loop installs it, through a
     * variable handle, to warn of coroutines that are never yielded.
     */
    private static volatile Consumer<Coro<?>> onCreation;

    /**
     * What it was named, or {@code null} until a name is asked for: then {@link #name()} finds one. Not volatile, so
     * that making a coroutine costs no fence: a thread that reads {@code null} finds the same name again, and a
     * string is safe to read without one.
     */
    private String name;
    /**
     * What runs it: a user's body ({@link Body} or {@link VoidBody}) until a step suspends it, from then on the
     * innermost of the frames it saved, and nothing once it ended; for the runtime's own coroutines, their stepper
     * from the start.
     */
    private Object code;
    /** The core's record of the loop that started it, or {@code null} while new. */
    private Object owner;
    /** Where it is in its life. */
    private CoroState state = CoroState.NEW;
    /**
     * While it is in its loop's ready queue, which it is at most once and only while active: the value to resume it
     * with. Once {@link CoroState#DONE}: its result.
     */
    private Object value;
    /** The loop's waiters registered on it while active: none, one, or a list of them in registration order. */
    private Object waiters;
    /** The loop's waiter it is itself suspended on, which alone may wake it; {@code null} when not waiting. */
    private Object waitingOn;
    /** Previous coroutine in its loop's insertion-ordered list of active coroutines. */
    private Coro<?> previousActive;
    /** Next coroutine in its loop's insertion-ordered list of active coroutines. */
    private Coro<?> nextActive;

    /** A user's coroutine; a runtime stepper as its body would be mistaken for the runtime's own. */
    private Coro(String name, Object body) {
        if (body instanceof Stepper) {
            throw new IllegalArgumentException("A coroutine's body must not implement the runtime's internal "
                    + Stepper.class.getName() + ": " + body.getClass().getName());
        }
        this.name = name;
        this.code = body;
        created();
    }

    /** One of the runtime's own coroutines, made by the core loop through a method handle. */
    private Coro(Stepper stepper) {
        this.code = stepper;
        created();
    }

    private void created() {
        Consumer<Coro<?>> watcher = onCreation;
        if (watcher != null) {
            watcher.accept(this);
        }
    }

    /**
     * A new, not yet started coroutine. Nothing runs until a loop schedules it. Its name is the method and line
     * that made it, such as {@code Demo.fetch:42}, where the instrumenter rewrote that call; elsewhere the name of
     * the class of its body (for a lambda, of the class that made it).
     *
     * @param body the code to run
     * @param <T> the type of the result
     * @return the coroutine
     */
    public static <T> Coro<T> of(Body<T> body) {
        return new Coro<>(null, Objects.requireNonNull(body, "body"));
    }

    /**
     * A new, not yet started coroutine with a name of its own, which dumps, traces, warnings and errors show.
     *
     * @param name its name
     * @param body the code to run
     * @param <T> the type of the result
     * @return the coroutine
     */
    public static <T> Coro<T> of(String name, Body<T> body) {
        return new Coro<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
    }

    /**
     * A new, not yet started coroutine without a result; named as {@link #of(Body)} says.
     *
     * @param body the code to run
     * @return the coroutine
     */
    public static Coro<Void> ofVoid(VoidBody body) {
        return new Coro<>(null, Objects.requireNonNull(body, "body"));
    }

    /**
     * A new, not yet started coroutine without a result, with a name of its own.
     *
     * @param name its name
     * @param body the code to run
     * @return the coroutine
     */
    public static Coro<Void> ofVoid(String name, VoidBody body) {
        return new Coro<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
    }

    /**
     * Its name: the one it was given, or the method and line that made it, or the name of its body's class, as
     * {@link #of(Body)} says. The runtime's own coroutines are named after what made them, such as
     * {@code Tinyio.sleep(PT1S)}.
     *
     * @return the name
     */
    public String name() {
        String known = name;
        if (known == null) {
            known = nameOf(code);
            name = known;
        }
        return known;
    }

    /**
     * The name of a coroutine that was given none, from what runs it: for the runtime's own coroutines, the
     * stepper's description; for a user's body, the name of its class (for a lambda or method reference, of the
     * class that made it). The loop asks for a user's coroutine's name before its frames take the body's place.
     */
    private static String nameOf(Object code) {
        if (code instanceof Stepper) {
            return code.toString();
        }
        Class<?> type = code.getClass();
        return (type.isHidden() ? type.getNestHost() : type).getName();
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
        return state.isFinished();
    }

    private static RuntimeException notInstrumented(String what) {
        throw Sneaky.<RuntimeException>raise(UninstrumentedYield.error(what));
    }

    @Override
    public String toString() {
        return "Coro@" + Integer.toHexString(System.identityHashCode(this)) + "[" + name() + "]";
    }
}
