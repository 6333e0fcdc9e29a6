package dev.tinyio.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stack traces that read like one call stack across suspensions. */
public final class StackTraces {
    /** The frame store's package: its frames, a fiber's, stand between a coroutine's own and the loop's. */
    private static final String FRAME_STORE = StackTraces.class.getPackageName();

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
     * the fiber frames of loops nested inside its coroutines lie above the first fiber frames over those.
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
                .noneMatch(e -> Contract.DISPATCH_NAME.equals(e.getMethodName()))) {
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
        while (i >= 0 && !isFrameStore(trace[i])) {
            i--;
        }
        while (i >= 0 && isFrameStore(trace[i])) {
            at = i--;
        }
        while (at >= 0 && i >= 0 && trace[i].getClassName().contains("$$Lambda")) {
            i--;
        }
        if (at >= 0 && i >= 0 && Contract.DISPATCH_NAME.equals(trace[i].getMethodName())) {
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

    /**
     * Whether a frame is the frame store's: below a coroutine's outermost frame lie the frames of the fiber that
     * steps it (the frame store's own package, not the packages inside it), then the loop's.
     */
    private static boolean isFrameStore(StackTraceElement element) {
        String name = element.getClassName();
        return name.startsWith(FRAME_STORE) && name.lastIndexOf('.') == FRAME_STORE.length();
    }
}
