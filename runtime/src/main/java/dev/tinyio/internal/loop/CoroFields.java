package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.Fiber;
import dev.tinyio.internal.Frame;
import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Stepper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The typed accessors of a coroutine's record. {@link Coro} is a handle of the public vocabulary and keeps its
 * record in private fields typed only as far as the vocabulary can name the types; the loop owns what they hold and
 * reads and writes them here, through variable handles the JIT compiles to plain field accesses. The record must
 * not grow: nine fields and the header are 48 bytes, and most coroutines of a program are alive at once. A field
 * that holds one thing in one stage of the coroutine's life and another in the next is behind an accessor for
 * each.
 */
public final class CoroFields {
    private static final VarHandle CODE;
    private static final VarHandle OWNER;
    private static final VarHandle STATE;
    private static final VarHandle VALUE;
    private static final VarHandle PREVIOUS_ACTIVE;
    private static final VarHandle NEXT_ACTIVE;
    /** {@code Coro}'s constructor for the runtime's own coroutines. */
    private static final MethodHandle OF_STEPPER;
    /** What {@code Coro}'s constructors tell of every coroutine made. */
    private static final VarHandle ON_CREATION;

    static {
        try {
            MethodHandles.Lookup coro = MethodHandles.privateLookupIn(Coro.class, MethodHandles.lookup());
            CODE = coro.findVarHandle(Coro.class, "code", Object.class);
            OWNER = coro.findVarHandle(Coro.class, "owner", Object.class);
            STATE = coro.findVarHandle(Coro.class, "state", CoroState.class);
            VALUE = coro.findVarHandle(Coro.class, "value", Object.class);
            PREVIOUS_ACTIVE = coro.findVarHandle(Coro.class, "previousActive", Coro.class);
            NEXT_ACTIVE = coro.findVarHandle(Coro.class, "nextActive", Coro.class);
            OF_STEPPER = coro.findConstructor(Coro.class, MethodType.methodType(void.class, Stepper.class));
            ON_CREATION = coro.findStaticVarHandle(Coro.class, "onCreation", Consumer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CoroFields() {
    }

    /**
     * One of the runtime's own coroutines, run by a stepper written by hand.
     *
     * @param stepper what runs it
     * @param <T> the type of its result
     * @return a new coroutine
     */
    @SuppressWarnings("unchecked")
    public static <T> Coro<T> of(Stepper stepper) {
        try {
            return (Coro<T>) (Coro<?>) OF_STEPPER.invokeExact(stepper);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /**
     * Tells a watcher of every coroutine made from now on.
     *
     * @param watcher told of each, as its constructor ends
     */
    static void onCreation(Consumer<Coro<?>> watcher) {
        ON_CREATION.setVolatile(watcher);
    }

    // ---------------------------------------------------------------------------------------------------------
    // What runs it: a user's body until its first suspension, then the frames it saved, or none once it ended; or
    // a runtime stepper throughout
    // ---------------------------------------------------------------------------------------------------------

    /**
     * What steps the coroutine, if it is one of the runtime's own.
     *
     * @return the stepper, or {@code null} for a user's body
     */
    static Stepper stepper(Coro<?> coro) {
        return (Object) CODE.get(coro) instanceof Stepper stepper ? stepper : null;
    }

    /** The user's body, a {@code Coro.Body} or {@code Coro.VoidBody}, of a coroutine that has yet to suspend. */
    static Object body(Coro<?> coro) {
        return (Object) CODE.get(coro);
    }

    /** The innermost frame a user's coroutine saved when it last suspended; {@code null} if it never did. */
    static Frame suspendedAt(Coro<?> coro) {
        return (Object) CODE.get(coro) instanceof Frame top ? top : null;
    }

    /** It suspended, saving these frames: they take the place of its body. */
    static void suspendedAt(Coro<?> coro, Frame top) {
        CODE.set(coro, (Object) top);
    }

    /** A coroutine that had suspended ended: its frames are dropped, as nothing resumes it any more. */
    static void ended(Coro<?> coro) {
        CODE.set(coro, (Object) null);
    }

    /**
     * The stack it is suspended in, innermost first; empty before it starts, once it ended, and for the runtime's
     * own coroutines.
     *
     * @param coro the coroutine
     * @return the stack trace elements
     */
    public static StackTraceElement[] suspendedTrace(Coro<?> coro) {
        Object code = (Object) CODE.get(coro);
        if (code instanceof Stepper stepper) {
            return stepper.suspendedTrace();
        }
        return code instanceof Frame top ? Fiber.suspendedTrace(top) : Stepper.NO_FRAMES;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Its loop, its stage of life, its result
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The loop that started it.
     *
     * @param coro the coroutine
     * @return its loop, or {@code null} while new
     */
    public static LoopCore owner(Coro<?> coro) {
        return (LoopCore) (Object) OWNER.get(coro);
    }

    static void own(Coro<?> coro, LoopCore loop) {
        OWNER.set(coro, (Object) loop);
    }

    /**
     * Where it is in its life.
     *
     * @param coro the coroutine
     * @return its state
     */
    public static CoroState state(Coro<?> coro) {
        return (CoroState) STATE.get(coro);
    }

    static void state(Coro<?> coro, CoroState state) {
        STATE.set(coro, state);
    }

    /**
     * Its result.
     *
     * @param coro the coroutine
     * @return its result once {@link CoroState#DONE}, else {@code null}
     */
    public static Object result(Coro<?> coro) {
        return state(coro) == CoroState.DONE ? (Object) VALUE.get(coro) : null;
    }

    /** It finished with a result, which takes the place of the value it was resumed with. */
    static void result(Coro<?> coro, Object result) {
        VALUE.set(coro, result);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Its place in the run: the ready queue, the list of active coroutines
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The value to resume it with, while it is in the ready queue. Only an active coroutine is queued, and a
     * finished one never again, so this shares its field with the result.
     */
    static Object resumeWith(Coro<?> coro) {
        return (Object) VALUE.get(coro);
    }

    static void resumeWith(Coro<?> coro, Object value) {
        VALUE.set(coro, value);
    }

    static Coro<?> previousActive(Coro<?> coro) {
        return (Coro<?>) PREVIOUS_ACTIVE.get(coro);
    }

    static void previousActive(Coro<?> coro, Coro<?> previous) {
        PREVIOUS_ACTIVE.set(coro, previous);
    }

    static Coro<?> nextActive(Coro<?> coro) {
        return (Coro<?>) NEXT_ACTIVE.get(coro);
    }

    static void nextActive(Coro<?> coro, Coro<?> next) {
        NEXT_ACTIVE.set(coro, next);
    }
}
