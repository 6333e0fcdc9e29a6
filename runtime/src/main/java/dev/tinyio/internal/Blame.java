package dev.tinyio.internal;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import java.lang.StackWalker.StackFrame;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;

/**
 * The errors of suspensions that cannot complete: each names the frame the suspension could not pass (from the
 * stack while that frame is still there, otherwise from the call site that reached it) and gives the one fix that
 * applies to that frame, in the situation the program runs in: under the agent, with classes a build
 * instrumented, or with no instrumentation at all.
 */
final class Blame {
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES,
                    StackWalker.Option.SHOW_HIDDEN_FRAMES));

    private Blame() {
    }

    /**
     * The public {@code Coro.yield} was reached: its caller was not instrumented.
     *
     * @param what the yield that was called
     * @param fiber the class whose frames step a coroutine, below which the frames are no longer the coroutine's
     * @return the error naming the caller
     */
    static NotInstrumentedError yieldCalledFrom(String what, Class<?> fiber) {
        List<StackFrame> frames = WALKER.walk(s -> s.toList());
        // The coroutine's own frames end where its fiber steps it: below lie the loop and whoever runs the loop.
        Culprit culprit = Culprit.onStack(frames.stream().takeWhile(f -> f.getDeclaringClass() != fiber).toList());
        if (culprit == null) {
            return new NotInstrumentedError(what + " was called from code that was not instrumented. "
                    + noInstrumentation());
        }
        return new NotInstrumentedError(what + " was called from " + culprit.where() + ", which cannot suspend: "
                + explain(culprit, instrumentedBelow(frames, culprit)));
    }

    /**
     * A method that can suspend was entered while a suspension was unwinding: the frame that called it received
     * a dummy result and carried on.
     *
     * @param innermost the innermost frame the suspension saved
     * @return the error naming the frame that called the method
     */
    static NotInstrumentedError entered(Frame innermost) {
        List<StackFrame> frames = WALKER.walk(s -> s.dropWhile(f -> Origins.isRuntime(f.getClassName()))
                .skip(1).toList());
        Culprit culprit = Culprit.onStack(frames);
        Class<?> entered = WALKER.walk(s -> s.dropWhile(f -> Origins.isRuntime(f.getClassName())).findFirst())
                .<Class<?>>map(StackFrame::getDeclaringClass).orElse(null);
        return passedThrough(innermost, culprit, entered);
    }

    /**
     * {@code Coro.yield} was reached while a suspension was still unwinding.
     *
     * @param innermost the innermost frame of the pending suspension
     * @return the error naming the frame that is not instrumented
     */
    static NotInstrumentedError yieldedAgain(Frame innermost) {
        List<StackFrame> frames = WALKER.walk(s -> s.toList());
        Culprit culprit = Culprit.onStack(frames.stream().filter(f -> !isInstrumented(f)).toList());
        return passedThrough(innermost, culprit, instrumentedBelow(frames, culprit));
    }

    /**
     * A call returned while a suspension was unwinding: what it called, or something that called, was not
     * instrumented, carried on and returned.
     *
     * @param innermost the innermost frame the suspension saved
     * @param outermost the outermost frame it saved, the one directly below the call that returned
     * @param call the callee as {@code owner.name(descriptor)}, in internal form
     * @param site where it was called, as a stack trace prints it
     * @return the error naming the callee
     */
    static NotInstrumentedError returned(Frame innermost, Frame outermost, String call, String site) {
        Class<?> caller = WALKER.walk(s -> s.dropWhile(f -> Origins.isRuntime(f.getClassName())).findFirst())
                .<Class<?>>map(StackFrame::getDeclaringClass).orElse(null);
        ClassLoader loader = caller == null ? null : caller.getClassLoader();
        MethodInfo below = outermost == null ? null : outermost.site.method;
        return passedThrough(innermost, Culprit.atCall(call, site, loader, below), caller);
    }

    /**
     * An instrumented frame found that the frame saved below it is not the one its call entered.
     *
     * @param call the site of the instrumented caller
     * @param receiver the object a dispatched call reached, or {@code null} for a static or special call
     * @param saved the frame saved below it
     * @return the error naming the object or the callee that was not instrumented
     */
    static NotInstrumentedError notTheCallee(SiteInfo call, Object receiver, Frame saved) {
        Class<?> caller = call.method.owner;
        Culprit culprit = receiver == null
                ? Culprit.atCall(call.callee(), call.toString(), caller.getClassLoader(), null)
                : Culprit.receiving(receiver, call.calleeName, call.toString());
        return passedThrough(saved, culprit, caller);
    }

    /**
     * An exception escaped while a suspension was unwinding: a frame that was not instrumented carried on with
     * the suspending callee's dummy result and threw.
     *
     * @param innermost the innermost frame of the suspension, or {@code null}
     * @param thrown what the frame threw
     * @return the error, caused by {@code thrown}
     */
    static NotInstrumentedError threw(Frame innermost, Throwable thrown) {
        Class<?> below = innermost == null ? null : innermost.site.method.owner;
        Culprit culprit = Culprit.inTrace(thrown.getStackTrace(), below == null ? null : below.getClassLoader());
        String where = culprit == null ? "a method that was not instrumented" : culprit.where();
        NotInstrumentedError error = new NotInstrumentedError(suspended(innermost) + " and the suspension passed "
                + "through " + where + ", which carried on with the dummy result of the call that suspended (null, "
                + "zero or false) and threw " + thrown + " (the cause; the top of its stack trace is there). It "
                + "cannot suspend: " + (culprit == null ? noInstrumentation() : explain(culprit, below)));
        error.initCause(thrown);
        return error;
    }

    /**
     * A coroutine's body returned while a suspension was unwinding, so the outermost saved frame is not the
     * body's: the body was not instrumented, or a frame between it and the suspension was not.
     *
     * @param innermost the innermost frame of the suspension
     * @param body the body
     * @return the error naming the body
     */
    static NotInstrumentedError body(Frame innermost, Object body) {
        Class<?> type = body.getClass();
        Culprit culprit;
        if (type.isHidden() && type.getName().contains("$$Lambda")) {
            Class<?> host = type.getNestHost();
            culprit = new Culprit("the coroutine's body, a lambda or method reference made in " + host.getName(),
                    Culprit.Kind.BODY, host.getName(), host);
        } else {
            culprit = Culprit.of(type, type.getName(), "run", null, type.getName() + ".run, the coroutine's body");
        }
        return passedThrough(innermost, culprit, innermost == null ? null : innermost.site.method.owner);
    }

    /**
     * A constructor or static initialiser called a method that suspended.
     *
     * @param innermost the innermost frame of the suspension
     * @param site where the initialiser made the call, as a stack trace prints it
     * @return the error naming the initialiser
     */
    static NotInstrumentedError initialiser(Frame innermost, String site) {
        boolean ofClass = site.contains(".<clinit>(");
        Culprit culprit = new Culprit(site, ofClass ? Culprit.Kind.STATIC_INITIALISER : Culprit.Kind.CONSTRUCTOR,
                site.substring(0, site.indexOf('(')), null);
        return passedThrough(innermost, culprit, null);
    }

    private static NotInstrumentedError passedThrough(Frame innermost, Culprit culprit, Class<?> instrumented) {
        if (culprit == null) {
            return new NotInstrumentedError(suspended(innermost) + " and the suspension passed through a method "
                    + "that was not instrumented. " + noInstrumentation());
        }
        return new NotInstrumentedError(suspended(innermost) + " and the suspension passed through "
                + culprit.where() + ", which cannot suspend: " + explain(culprit, instrumented));
    }

    private static String suspended(Frame innermost) {
        return "A coroutine suspended" + (innermost == null ? "" : " in " + innermost.site);
    }

    /**
     * Why the culprit cannot suspend, and what to do.
     *
     * @param instrumented a class near it on the stack that was instrumented, or {@code null}: it tells a library
     *     from a class of the same module
     */
    private static String explain(Culprit culprit, Class<?> instrumented) {
        return switch (culprit.kind()) {
            case JDK -> "it is a JDK method calling back into your code, and the JDK is never instrumented. A JDK "
                    + "callback (forEach, a stream, a comparator, a listener) cannot suspend: use a plain loop, "
                    + "and call your code directly.";
            case REFLECTION -> "it calls your code through reflection or a method handle, which cannot be "
                    + "instrumented. Call the method directly.";
            case CONSTRUCTOR -> "tinyio never instruments constructors, as suspending there would leave an object "
                    + "half-built. Move the suspension out of the constructor: suspend before it and pass the "
                    + "result in, or use a static factory method.";
            case STATIC_INITIALISER -> "tinyio never instruments static initialisers, as suspending there would "
                    + "leave a class half-initialised. Move the suspension out of the static initialiser.";
            case SYNCHRONIZED -> "it is synchronized, and suspending would return from it still holding its "
                    + "monitor while the thread runs other coroutines. Use dev.tinyio.Lock instead of "
                    + "synchronized, or move the suspension out of it.";
            case NOT_INSTRUMENTED -> notInstrumented(culprit, instrumented);
            case STALE_CALL -> culprit.method() + " may suspend, and was instrumented to, but this call of it was "
                    + "not made a place to suspend: the calling class was instrumented without knowing that "
                    + culprit.method() + " suspends (against an older version of its class, or, under the agent, "
                    + "before its class was analysed). Build the calling module again against the current one (mvn "
                    + "clean verify); under the agent, keep both classes on the class path, where it analyses them "
                    + "together.";
            case HIDDEN -> "it is a hidden class, defined at run time, which neither the agent nor a build can "
                    + "instrument. Make it an ordinary class, or keep the suspension out of it.";
            case BODY -> culprit.classInstrumented()
                    ? "its class was instrumented, but the body was not: it called code that suspended where the "
                            + "analysis of its class could not see it (through reflection, or into code of another "
                            + "module or jar), and carried on. Mark the method it called @dev.tinyio.Suspendable, or "
                            + "make that call a coroutine of its own and yield it."
                    : notInstrumented(culprit, instrumented);
        };
    }

    private static String notInstrumented(Culprit culprit, Class<?> instrumented) {
        if (culprit.type() == null) {
            return "the class implementing it was not instrumented. If it is the JDK's (a collection, an iterator, "
                    + "a comparator), it calls back into your code, and a JDK callback cannot suspend: use a plain "
                    + "loop, and call your code directly. If it is your code, make sure it is instrumented ("
                    + (System.getProperty(Culprit.AGENT_PROPERTY) != null ? "the agent instruments classes in jars "
                    + "only where include= names them" : "tinyio-maven-plugin instruments the module it builds, and "
                    + "each dependency is instrumented by its own build") + "); if it is a library's, mark its "
                    + "method @dev.tinyio.Suspendable there and build the library with tinyio-maven-plugin.";
        }
        String mark = "mark " + culprit.method() + " @dev.tinyio.Suspendable";
        if (culprit.classInstrumented()) {
            return "its class was instrumented, but not this method: it called code that suspended where the "
                    + "analysis could not see it. If that was through a JDK method calling back into your code "
                    + "(toString, equals, an iterator), keep the suspension out of such code: a JDK callback cannot "
                    + "suspend. If it was into code of another module or jar, " + mark + " and rebuild its module.";
        }
        String agent = System.getProperty(Culprit.AGENT_PROPERTY);
        if (agent != null) {
            return "the tinyio agent is running" + (agent.isEmpty() ? "" : " (options '" + agent + "')") + " and "
                    + "left its class alone: it instruments the classes in class folders, and classes in jars "
                    + "where include= names them or where they call the library themselves; never the JDK's, nor "
                    + "those exclude= names, nor one it failed on (it logs why to dev.tinyio.agent). If it is your "
                    + "code, name it in the agent's include= option (include=" + packagePattern(culprit.method()) + "); if it is a library's, "
                    + mark + " in that library and build it with tinyio-maven-plugin.";
        }
        if (instrumented == null) {
            return "it was not instrumented. " + noInstrumentation();
        }
        if (culprit.besides(instrumented)) {
            return "it lies beside classes that tinyio-maven-plugin instrumented, but was left as compiled: check "
                    + "the plugin's <includes> and <excludes>, or build from clean (mvn clean verify).";
        }
        String place = culprit.placeName();
        return "it is in " + (place == null ? "a library" : place) + ", which was built without knowing that it "
                + "suspends there (a library calling back into your code). To fix it, " + mark + " in that "
                + "library and build the library with tinyio-maven-plugin, or keep the suspension out of that call.";
    }

    /** The include= pattern for the package of a method given as {@code package.Class.method}. */
    private static String packagePattern(String method) {
        String className = method.substring(0, method.lastIndexOf('.'));
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".*";
    }

    /** What to do when nothing is instrumented at all. */
    private static String noInstrumentation() {
        String version = runtimeVersion();
        return "No tinyio instrumentation is active: run with -javaagent:tinyio-agent-"
                + (version == null ? "<version>" : version) + "-all.jar, or rewrite the classes at build time "
                + "with dev.tinyio:tinyio-maven-plugin (goals instrument and instrument-tests).";
    }

    /**
     * The runtime's version, or {@code null}: its jar's manifest gives it on the class path, and its module
     * descriptor when it runs as a named module, whose packages carry no manifest version.
     */
    private static String runtimeVersion() {
        String version = Coro.class.getPackage().getImplementationVersion();
        ModuleDescriptor module = Coro.class.getModule().getDescriptor();
        return version != null || module == null ? version : module.rawVersion().orElse(null);
    }

    /** The first class below the culprit on the stack that was instrumented, if any. */
    private static Class<?> instrumentedBelow(List<StackFrame> frames, Culprit culprit) {
        for (StackFrame frame : frames) {
            if (culprit != null && frame.getDeclaringClass() != culprit.type()
                    && frame.getDeclaringClass().isAnnotationPresent(Instrumented.class)) {
                return frame.getDeclaringClass();
            }
        }
        return null;
    }

    private static boolean isInstrumented(StackFrame frame) {
        if (Origins.isRuntime(frame.getClassName()) || Origins.isPassThrough(frame.getClassName())) {
            return true;
        }
        Instrumented marker = frame.getDeclaringClass().getAnnotation(Instrumented.class);
        if (marker == null) {
            return false;
        }
        String method = frame.getMethodName() + frame.getDescriptor();
        return List.of(marker.value()).contains(method)
                || frame.getDescriptor().startsWith("(L" + Frame.class.getName().replace('.', '/') + ";");
    }
}
