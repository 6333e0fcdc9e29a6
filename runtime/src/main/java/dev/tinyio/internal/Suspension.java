package dev.tinyio.internal;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.UninstrumentedYield;
import java.util.List;
import java.util.Set;

/**
 * The entry points of instrumented code. The instrumenter redirects every {@code Coro.yield} call to the method
 * of the same name and descriptor here, so the public {@code Coro.yield} is only ever reached from code that was
 * not instrumented, and can say so.
 */
public final class Suspension {
    /** Classes already initialised on behalf of a moved allocation, so that the check costs one lookup. */
    private static final ClassValue<Boolean> INITIALISED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new NoClassDefFoundError(type.getName());
            }
            return Boolean.TRUE;
        }
    };

    private Suspension() {
    }

    /** Instrumented form of {@link Coro#yield()}. */
    public static void yield() {
        current("Coro.yield()").request(Step.Request.BARE, null);
    }

    /**
     * Instrumented form of {@link Coro#yield(Coro)}.
     *
     * @param coro the coroutine to wait for
     * @return a dummy; the real value arrives when the frame is re-entered
     */
    public static Object yield(Coro<?> coro) {
        current("Coro.yield(Coro)").request(Step.Request.ONE, coro);
        return null;
    }

    /**
     * Instrumented form of {@link Coro#yield(List)}.
     *
     * @param coros the coroutines to gather
     * @return a dummy; the real value arrives when the frame is re-entered
     */
    public static List<Object> yield(List<?> coros) {
        current("Coro.yield(List)").request(Step.Request.LIST, coros);
        return null;
    }

    /**
     * Instrumented form of {@link Coro#yield(Set)}.
     *
     * @param coros the coroutines to start in the background
     */
    public static void yield(Set<?> coros) {
        current("Coro.yield(Set)").request(Step.Request.SET, coros);
    }

    /**
     * Instrumented form of {@link Coro#yield()} in a re-entered frame. The frame knows its thread's carrier, so a
     * coroutine that yields again after being resumed, the common case of a coroutine yielding in a loop, finds it
     * with no thread-local lookup.
     *
     * @param reentered the frame the activation was re-entered with
     */
    public static void yield(Frame reentered) {
        ((Carrier) reentered.carrier).request(Step.Request.BARE, null);
    }

    /**
     * Instrumented form of {@link Coro#yield(Coro)} in a re-entered frame; see {@link #yield(Frame)}.
     *
     * @param coro the coroutine to wait for
     * @param reentered the frame the activation was re-entered with
     * @return a dummy; the real value arrives when the frame is re-entered
     */
    public static Object yield(Coro<?> coro, Frame reentered) {
        ((Carrier) reentered.carrier).request(Step.Request.ONE, coro);
        return null;
    }

    /**
     * Instrumented form of {@link Coro#yield(List)} in a re-entered frame; see {@link #yield(Frame)}.
     *
     * @param coros the coroutines to gather
     * @param reentered the frame the activation was re-entered with
     * @return a dummy; the real value arrives when the frame is re-entered
     */
    public static List<Object> yield(List<?> coros, Frame reentered) {
        ((Carrier) reentered.carrier).request(Step.Request.LIST, coros);
        return null;
    }

    /**
     * Instrumented form of {@link Coro#yield(Set)} in a re-entered frame; see {@link #yield(Frame)}.
     *
     * @param coros the coroutines to start in the background
     * @param reentered the frame the activation was re-entered with
     */
    public static void yield(Set<?> coros, Frame reentered) {
        ((Carrier) reentered.carrier).request(Step.Request.SET, coros);
    }

    /**
     * Whether this thread's coroutine is unwinding a suspension: the slow half of the check after a call.
     *
     * @return true if the caller must save its frame and return
     */
    public static boolean isSuspending() {
        return Carrier.get().suspending;
    }

    /**
     * A fresh activation saves its frame at a site.
     *
     * @param site where it is suspended
     * @return the frame to fill
     */
    public static Frame save(SiteInfo site) {
        return Carrier.get().save(site, null);
    }

    /**
     * A fresh activation saves its frame at a dispatched call, whose receiver it kept for the check of the frame
     * saved below.
     *
     * @param receiver the receiver of the call that suspended
     * @param site where it is suspended
     * @return the frame to fill
     */
    public static Frame save(Object receiver, SiteInfo site) {
        return Carrier.get().save(site, receiver);
    }

    /**
     * A re-entered activation saves its frame again, reusing the frame object, which knows its thread's carrier:
     * no thread-local lookup on the path of a plain yield in a loop.
     *
     * @param frame the frame it was re-entered with
     * @param site where it is suspended now
     * @return the frame to fill
     */
    public static Frame resave(Frame frame, SiteInfo site) {
        return ((Carrier) frame.carrier).resave(frame, site, null);
    }

    /**
     * A re-entered activation saves its frame again at a dispatched call, whose receiver it kept.
     *
     * @param receiver the receiver of the call that suspended
     * @param frame the frame it was re-entered with
     * @param site where it is suspended now
     * @return the frame to fill
     */
    public static Frame resave(Object receiver, Frame frame, SiteInfo site) {
        return ((Carrier) frame.carrier).resave(frame, site, receiver);
    }

    /**
     * The restore code met a site index it does not know: the frame was saved by another version of the class.
     *
     * @param frame the frame
     * @return the error to throw
     */
    public static IllegalStateException badSite(Frame frame) {
        return new IllegalStateException("Cannot re-enter " + frame + ": the class was changed since it was saved");
    }

    /**
     * A call that cannot suspend returned while a suspension was unwinding: the callee, or something it called,
     * was not instrumented, carried on with a dummy result, and returned. Instrumented code checks this after
     * every such call and throws what this returns.
     *
     * @param callee the method that was called, as {@code owner.name(descriptor)} with the owner's internal name,
     *     or {@code invokedynamic name}
     * @param site where it was called, as a stack trace element would print it
     * @return the error naming the callee
     */
    public static NotInstrumentedError leaked(String callee, String site) {
        Carrier carrier = Carrier.get();
        Frame outermost = carrier.outermost();
        return Blame.returned(carrier.abandon(), outermost, callee, site);
    }

    /**
     * A method that can suspend was entered while a suspension was unwinding: the frame calling it received a
     * suspending callee's dummy result and carried on. Instrumented methods check this on entry, while that
     * frame is still on the stack to be named.
     *
     * @return the error naming the frame that called it
     */
    public static NotInstrumentedError entered() {
        return Blame.entered(Carrier.get().abandon());
    }

    /**
     * A call that may suspend was made while holding a monitor, and suspended (or is a yield): returning now would
     * keep the monitor held while the thread runs other coroutines.
     *
     * @param site where, as a stack trace element prints it
     * @return the error to throw
     */
    public static NotInstrumentedError monitorHeld(String site) {
        Carrier carrier = Carrier.get();
        if (carrier.stepping) {
            carrier.abandon();
        }
        return new NotInstrumentedError("A coroutine cannot suspend while holding a monitor: the suspension at "
                + site + " is inside a synchronized block. While a coroutine is suspended its thread runs other "
                + "coroutines, so the monitor would stay held across them. Use dev.tinyio.Lock, or move the "
                + "suspension out of the synchronized block.");
    }

    /**
     * A constructor or static initialiser called a method that suspended: it cannot suspend itself, and carrying on
     * would leave the object half-built or the class initialised with the callee's dummy result for good.
     *
     * @param site where it made the call, as a stack trace element prints it
     * @return the error to throw
     */
    public static NotInstrumentedError initialiserCarriedOn(String site) {
        return Blame.initialiser(Carrier.get().abandon(), site);
    }

    /**
     * Initialises a class where a {@code new} expression used to allocate it: the instrumenter moves an
     * allocation after its arguments when one of them suspends, and this keeps the static initialiser's turn.
     *
     * @param type the class being allocated
     */
    public static void initialize(Class<?> type) {
        INITIALISED.get(type);
    }

    /** This thread's carrier, while it steps a coroutine. */
    private static Carrier current(String what) {
        Carrier carrier = Carrier.get();
        if (!carrier.stepping) {
            throw UninstrumentedYield.outsideLoop(what);
        }
        return carrier;
    }
}
