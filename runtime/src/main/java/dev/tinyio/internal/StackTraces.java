package dev.tinyio.internal;

import dev.tinyio.NotInstrumentedError;
import java.lang.StackWalker.StackFrame;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stack traces that read like one call stack across suspensions, and the errors that name a frame. */
public final class StackTraces {
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES,
                    StackWalker.Option.SHOW_HIDDEN_FRAMES));

    /**
     * The system property the agent sets to its options when it starts, so that errors can tell a JVM without the
     * agent from a class the agent left alone. The runtime knows the agent by this name only.
     */
    public static final String AGENT_PROPERTY = "dev.tinyio.agent";

    /** The two ways to instrument, named by every error that asks for instrumentation. */
    static final String FIXES = "Instrument it: run with -javaagent:tinyio-agent.jar, or rewrite the classes at "
            + "build time with dev.tinyio:tinyio-maven-plugin (goals instrument and instrument-tests).";

    private StackTraces() {
    }

    /**
     * Continues a trace thrown out of a re-entered frame through the frames that wait for it.
     *
     * @param error the throwable leaving a re-entered frame
     * @param parent the innermost waiting frame, or {@code null}
     */
    static void appendSuspended(Throwable error, Frame parent) {
        List<StackTraceElement> callers = new ArrayList<>();
        for (Frame f = parent; f != null; f = f.parent) {
            callers.add(f.site.element());
        }
        continueTrace(error, callers, false, true);
    }

    /**
     * Puts frames into a trace where the coroutine's own stack ends and the loop's begins: in place of the
     * dispatch method through which the loop re-entered the frame, or else before the fiber that started it.
     * Only the loop that is stitching counts: the frames the trace shares with the current stack lie below it, and
     * the fiber frames of loops nested inside its coroutines lie above the first fiber frame over those.
     *
     * @param error the throwable whose trace to continue
     * @param callers the frames to insert, innermost first
     * @param orAtTheEnd whether a trace without loop frames (one from another thread) is continued at its end
     */
    public static void continueTrace(Throwable error, List<StackTraceElement> callers, boolean orAtTheEnd) {
        continueTrace(error, callers, orAtTheEnd, false);
    }

    private static void continueTrace(Throwable error, List<StackTraceElement> callers, boolean orAtTheEnd,
            boolean onlyThroughDispatch) {
        StackTraceElement[] trace = error.getStackTrace();
        if (onlyThroughDispatch && Arrays.stream(trace)
                .noneMatch(e -> SiteInfo.DISPATCH_NAME.equals(e.getMethodName()))) {
            // Made elsewhere (before a suspension, in another coroutine or thread): its trace is where it was made.
            return;
        }
        StackTraceElement[] here = new Throwable().getStackTrace();
        int end = trace.length;
        for (int h = here.length; end > 0 && h > 0 && trace[end - 1].equals(here[h - 1]); end--, h--) {
            // shared with the current stack: below the stitching loop
        }
        int at = -1;
        int replaced = 0;
        int i = end - 1;
        while (i >= 0 && !isFiber(trace[i])) {
            i--;
        }
        while (i >= 0 && isFiber(trace[i])) {
            at = i--;
        }
        while (at >= 0 && i >= 0 && trace[i].getClassName().contains("$$Lambda")) {
            i--;
        }
        if (at >= 0 && i >= 0 && SiteInfo.DISPATCH_NAME.equals(trace[i].getMethodName())) {
            at = i;
            replaced = 1;
        }
        if (onlyThroughDispatch && replaced == 0) {
            return;
        }
        if (at < 0 && orAtTheEnd) {
            at = trace.length;
        }
        if (at < 0 || replaced == 0 && callers.isEmpty()) {
            return;
        }
        List<StackTraceElement> stitched = new ArrayList<>(Arrays.asList(trace).subList(0, at));
        stitched.addAll(callers);
        stitched.addAll(Arrays.asList(trace).subList(at + replaced, trace.length));
        error.setStackTrace(stitched.toArray(new StackTraceElement[0]));
    }

    private static boolean isFiber(StackTraceElement element) {
        return element.getClassName().equals(Fiber.class.getName());
    }

    /**
     * An exception escaped while a suspension was unwinding: a frame that was not instrumented carried on with
     * the suspending callee's dummy result and threw.
     *
     * @param suspended the innermost frame of the suspension, or {@code null}
     * @param thrown what the frame threw
     * @return the error, caused by {@code thrown}
     */
    static NotInstrumentedError carriedOnAfterSuspending(Frame suspended, Throwable thrown) {
        NotInstrumentedError error = new NotInstrumentedError("A coroutine suspended"
                + (suspended == null ? "" : " in " + suspended.site) + ", and a method between it and the "
                + "coroutine's body that was not instrumented carried on with the dummy result of the call (null, "
                + "zero or false) and threw " + thrown + " (the cause; the top of its stack trace is in that "
                + "method). A class that never names the library, even one that calls code that suspends, is not "
                + "instrumented: mark the calling method @dev.tinyio.Suspendable. " + fixes());
        error.initCause(thrown);
        return error;
    }

    /**
     * {@code Coro.yield} was called while a suspension was still unwinding: a frame that is not instrumented
     * received a dummy result from an instrumented callee and carried on.
     *
     * @param suspended the innermost frame of the pending suspension
     * @return the error naming the frame that is not instrumented
     */
    static NotInstrumentedError notInstrumentedBetween(Frame suspended) {
        String culprit = WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getClassName()) && !isPassThrough(f))
                .filter(f -> !isInstrumented(f))
                .findFirst()
                .map(StackTraces::describe))
                .orElse("a frame that is not instrumented");
        return suspendedThrough(suspended, culprit);
    }

    /**
     * An instrumented frame found that its callee is not the frame that saved itself below it.
     *
     * @param call the site of the instrumented caller
     * @param saved the frame saved below it
     * @return the error naming the callee that was not instrumented
     */
    static NotInstrumentedError notInstrumentedCallee(SiteInfo call, Frame saved) {
        return suspendedThrough(saved, call.calleeName + call.calleeDescriptor + ", called at " + call);
    }

    /**
     * A suspension passed through a call whose callee was not instrumented.
     *
     * @param suspended the innermost suspended frame, or {@code null}
     * @param through the frame or call that was not instrumented
     * @return the error naming it and the fixes
     */
    static NotInstrumentedError suspendedThrough(Frame suspended, String through) {
        return new NotInstrumentedError("A coroutine suspended" + (suspended == null ? "" : " in " + suspended.site)
                + " and the suspension passed through " + through + ", which is not "
                + "instrumented and so cannot suspend. A JDK or library callback (forEach, streams, reflection) "
                + "cannot suspend: use a plain loop or call instead. If it is your own code, it was not instrumented. "
                + fixes() + " A method "
                + "that suspends only through virtual dispatch needs @dev.tinyio.Suspendable on the called method.");
    }

    /**
     * The public {@code Coro.yield} was reached: its caller was not instrumented.
     *
     * @param what the yield that was called
     * @return the error naming the caller
     */
    public static NotInstrumentedError notInstrumentedCaller(String what) {
        Optional<StackFrame> caller = WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getClassName()) && !f.getClassName().startsWith("jdk.internal.reflect.")
                        && !isPassThrough(f))
                .findFirst());
        String name = caller.map(StackTraces::describe).orElse("a method");
        String refused = caller.map(StackTraces::whyNeverInstrumented).orElse(null);
        if (refused != null) {
            return new NotInstrumentedError(what + " was called from " + name + ", where a coroutine cannot "
                    + "suspend: tinyio never instruments " + refused + ". Move the suspension out of it, into a "
                    + "plain method.");
        }
        return new NotInstrumentedError(what + " was called from " + name + ", which was not instrumented, so it "
                + "cannot suspend. " + fixes());
    }

    /**
     * What to do about code that was not instrumented: under the agent, why the agent may have left it alone,
     * rather than advice to run with the agent.
     */
    static String fixes() {
        String agent = System.getProperty(AGENT_PROPERTY);
        if (agent == null) {
            return FIXES;
        }
        return "The tinyio agent is running" + (agent.isEmpty() ? "" : " (options '" + agent + "')") + ", but left "
                + "it alone: it never instruments the JDK's classes, nor classes its include= and exclude= options "
                + "rule out, nor a class it could not instrument (it logs why to dev.tinyio.agent). Instrument it, "
                + "or rewrite it at build time with dev.tinyio:tinyio-maven-plugin, or keep the suspension out of it.";
    }

    /** Why a method is never instrumented, or {@code null} if it could have been. */
    private static String whyNeverInstrumented(StackFrame frame) {
        if (frame.getMethodName().equals("<init>")) {
            return "constructors, as suspending there would leave an object half-built";
        }
        if (frame.getMethodName().equals("<clinit>")) {
            return "static initialisers, as suspending there would leave a class half-initialised";
        }
        if (isSynchronized(frame)) {
            return "synchronized methods, as suspending there would return while holding the monitor";
        }
        return null;
    }

    private static boolean isSynchronized(StackFrame frame) {
        for (Method method : frame.getDeclaringClass().getDeclaredMethods()) {
            if (method.getName().equals(frame.getMethodName())
                    && frame.getMethodType().equals(MethodType.methodType(method.getReturnType(),
                            method.getParameterTypes()))) {
                return Modifier.isSynchronized(method.getModifiers());
            }
        }
        return false;
    }

    /**
     * A suspension point was reached outside any running loop.
     *
     * @param what the yield that was called
     * @return the error
     */
    public static IllegalStateException outsideLoop(String what) {
        return new IllegalStateException(what + " was called outside a running Loop. Suspension points are legal "
                + "only while a coroutine of a running Loop is executing: start the coroutine with "
                + "new Loop().run(coro), or yield it from another coroutine.");
    }

    /** Whether a class is the runtime itself: its frames are never the user's. */
    private static boolean isLibrary(String className) {
        return className.startsWith("dev.tinyio.internal.")
                || className.startsWith("dev.tinyio.") && className.indexOf('.', "dev.tinyio.".length()) < 0;
    }

    /** Lambda proxies and method handle internals only pass a call on: they are never the frame to blame. */
    private static boolean isPassThrough(StackFrame frame) {
        return frame.getClassName().contains("$$Lambda") || frame.getClassName().startsWith("java.lang.invoke.");
    }

    private static boolean isInstrumented(StackFrame frame) {
        Instrumented marker = frame.getDeclaringClass().getAnnotation(Instrumented.class);
        if (marker == null) {
            return false;
        }
        String method = frame.getMethodName() + frame.getDescriptor();
        return Arrays.asList(marker.value()).contains(method)
                || frame.getDescriptor().startsWith("(L" + Frame.class.getName().replace('.', '/') + ";");
    }

    private static String describe(StackFrame frame) {
        return frame.toStackTraceElement().toString();
    }
}
