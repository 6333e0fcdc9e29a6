package dev.tinyio.internal;

import dev.tinyio.NotInstrumentedError;
import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stack traces that read like one call stack across suspensions, and the errors that name a frame. */
public final class StackTraces {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The two ways to instrument, named by every error that asks for instrumentation. */
    static final String FIXES = "Instrument it: run with -javaagent:tinyio-agent.jar, or rewrite the classes at "
            + "build time with dev.tinyio:tinyio-maven-plugin (goals instrument and instrument-tests).";

    private StackTraces() {
    }

    /**
     * Continues a trace thrown out of a re-entered frame through the frames that wait for it: where the class's
     * dispatch method stands (the point the loop re-entered the frame), the suspended callers are inserted.
     *
     * @param error the throwable leaving a re-entered frame
     * @param parent the innermost waiting frame, or {@code null}
     */
    static void appendSuspended(Throwable error, Frame parent) {
        if (parent == null) {
            return;
        }
        StackTraceElement[] trace = error.getStackTrace();
        int dispatch = -1;
        for (int i = 0; i < trace.length; i++) {
            if (SiteInfo.DISPATCH_NAME.equals(trace[i].getMethodName())) {
                dispatch = i;
                break;
            }
        }
        if (dispatch < 0) {
            return;
        }
        List<StackTraceElement> stitched = new ArrayList<>(Arrays.asList(trace).subList(0, dispatch));
        for (Frame f = parent; f != null; f = f.parent) {
            stitched.add(f.site.element());
        }
        stitched.addAll(Arrays.asList(trace).subList(dispatch + 1, trace.length));
        error.setStackTrace(stitched.toArray(new StackTraceElement[0]));
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
                .filter(f -> !isLibrary(f.getClassName()))
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
                + "cannot suspend: use a plain loop or call instead. For your own code: " + FIXES + " A method "
                + "that suspends only through virtual dispatch needs @dev.tinyio.Suspendable on the called method.");
    }

    /**
     * The public {@code Coro.yield} was reached: its caller was not instrumented.
     *
     * @param what the yield that was called
     * @return the error naming the caller
     */
    public static NotInstrumentedError notInstrumentedCaller(String what) {
        Optional<String> caller = WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getClassName()))
                .findFirst()
                .map(StackTraces::describe));
        return new NotInstrumentedError(what + " was called from " + caller.orElse("a method")
                + ", which was not instrumented, so it cannot suspend. " + FIXES);
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
