package dev.tinyio.internal;

import java.lang.StackWalker.StackFrame;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The frame a suspension could not pass, why, and the one fix that applies: the heart of every
 * {@link dev.tinyio.NotInstrumentedError}.
 *
 * @param where the frame as a reader finds it in their code: {@code Class.method(File.java:12)}, or for a JDK
 *     method the one their code called and where, {@code java.util.ArrayList.forEach, called at ...}
 * @param kind why it cannot suspend
 * @param method the method, as {@code Class.method}, for fixes that name it
 * @param type its class, or {@code null} where it cannot be known
 */
record Culprit(String where, Kind kind, String method, Class<?> type) {
    /** Why a frame cannot suspend. */
    enum Kind {
        /** A JDK method calling back into the user's code. */
        JDK,
        /** Reflection or a method handle. */
        REFLECTION,
        /** A constructor. */
        CONSTRUCTOR,
        /** A static initialiser. */
        STATIC_INITIALISER,
        /** A synchronized method. */
        SYNCHRONIZED,
        /** The user's or a library's code that was not instrumented. */
        NOT_INSTRUMENTED,
        /** A coroutine's body made by a lambda or method reference, which was not instrumented. */
        BODY,
        /** A hidden class other than a lambda proxy: defined at run time, out of every instrumenter's reach. */
        HIDDEN,
        /** A call of an instrumented method that its caller's instrumentation did not know could suspend. */
        STALE_CALL
    }

    /** The system property the agent sets to its options when it starts: the runtime knows the agent by it. */
    static final String AGENT_PROPERTY = "dev.tinyio.agent";

    /**
     * The culprit among the frames of a live stack: the first that is neither the runtime's nor a lambda proxy's.
     * A JDK frame there stands for the JDK method the user's code called: the outermost of the JDK frames above
     * their code.
     *
     * @param frames the frames, innermost first, starting below whatever must be skipped
     * @return the culprit, or {@code null} if there is none
     */
    static Culprit onStack(List<StackFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            StackFrame frame = frames.get(i);
            if (Origins.isRuntime(frame.getClassName()) || Origins.isPassThrough(frame.getClassName())) {
                continue;
            }
            if (!Origins.isPlatform(frame.getClassName())) {
                return of(frame.getDeclaringClass(), frame.getClassName(), frame.getMethodName(),
                        frame.getMethodType(), element(frame));
            }
            return jdkCalledFrom(frames, i);
        }
        return null;
    }

    private static Culprit jdkCalledFrom(List<StackFrame> frames, int first) {
        boolean reflection = false;
        StackFrame api = frames.get(first);
        int i = first;
        for (; i < frames.size(); i++) {
            String name = frames.get(i).getClassName();
            if (!Origins.isPlatform(name) && !Origins.isPassThrough(name)) {
                break;
            }
            reflection |= Origins.isReflection(name);
            if (Origins.isPlatform(name) && !name.startsWith("java.lang.invoke.")) {
                api = frames.get(i);
            }
        }
        String called = api.getClassName() + "." + api.getMethodName();
        String where = i < frames.size() ? called + ", called at " + element(frames.get(i)) : called;
        return new Culprit(where, reflection ? Kind.REFLECTION : Kind.JDK, called, api.getDeclaringClass());
    }

    /**
     * The culprit named by a call site whose callee has already returned: its declared owner and method.
     *
     * @param call the callee as {@code owner/in/internal/form.name(descriptor)}, or {@code invokedynamic name}
     * @param site where it was called, as a stack trace prints it
     * @param loader the calling class's loader, to find the callee's class
     * @param below the method of the frame saved directly below the call, or {@code null}
     * @return the culprit
     */
    static Culprit atCall(String call, String site, ClassLoader loader, MethodInfo below) {
        int dot = call.lastIndexOf('.', call.indexOf('(') < 0 ? call.length() : call.indexOf('('));
        if (call.startsWith("invokedynamic ") || dot < 0) {
            return new Culprit(call + ", called at " + site, Kind.JDK, call, null);
        }
        String owner = call.substring(0, dot).replace('/', '.');
        int paren = call.indexOf('(');
        String name = call.substring(dot + 1, paren < 0 ? call.length() : paren);
        Class<?> type = load(owner, loader);
        MethodType methodType = paren < 0 ? null : typeOf(call.substring(paren), loader);
        if (isInstrumented(type, name + call.substring(paren))) {
            // What it called suspended as instrumented: the call itself was not made a place to suspend.
            return new Culprit("the call of " + owner + "." + name + " at " + site, Kind.STALE_CALL,
                    owner + "." + name, type);
        }
        if (implementsCall(below, type, name)) {
            // The same, through an interface or a superclass: name the method that was instrumented to suspend.
            return new Culprit("the call of " + owner + "." + name + " at " + site, Kind.STALE_CALL,
                    below.owner.getName() + "." + name, below.owner);
        }
        if (Origins.isPlatform(owner) && isAbstract(type, name, methodType)) {
            // A JDK interface's abstract method: the code that ran is an implementation outside the JDK.
            return new Culprit("an implementation of " + owner + "." + name + ", called at " + site,
                    Kind.NOT_INSTRUMENTED, owner + "." + name, null);
        }
        return of(type, owner, name, methodType, owner + "." + name + ", called at " + site);
    }

    /** Whether the frame saved below a call is of a method the call could have entered: its own, or an override. */
    private static boolean implementsCall(MethodInfo below, Class<?> owner, String name) {
        return below != null && owner != null && below.name.equals(name) && owner.isAssignableFrom(below.owner);
    }

    /** Whether a method is among those its class's marker lists as instrumented. */
    private static boolean isInstrumented(Class<?> type, String method) {
        Instrumented marker = type == null ? null : type.getAnnotation(Instrumented.class);
        return marker != null && List.of(marker.value()).contains(method);
    }

    private static boolean isAbstract(Class<?> type, String name, MethodType methodType) {
        if (type == null || methodType == null) {
            return false;
        }
        try {
            return Modifier.isAbstract(type.getMethod(name, methodType.parameterArray()).getModifiers());
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    private static MethodType typeOf(String descriptor, ClassLoader loader) {
        try {
            return MethodType.fromMethodDescriptorString(descriptor, loader);
        } catch (TypeNotPresentException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The culprit named by the object a dispatched call reached, when the frame saved below the call is not that
     * object's: a decorator, a proxy or a JDK combinator that carried on and returned.
     *
     * @param receiver the object
     * @param name the name of the method called on it
     * @param site where it was called, as a stack trace prints it
     * @return the culprit
     */
    static Culprit receiving(Object receiver, String name, String site) {
        Class<?> type = receiver.getClass();
        if (Proxy.isProxyClass(type)) {
            return new Culprit("a java.lang.reflect.Proxy (" + type.getName() + "), called at " + site,
                    Kind.REFLECTION, type.getName() + "." + name, type);
        }
        if (type.isHidden() && type.getName().contains("$$Lambda")) {
            Class<?> host = type.getNestHost();
            Culprit maker = of(host, host.getName(), name, null, host.getName());
            return new Culprit("a lambda made by " + host.getName() + ", called at " + site,
                    maker.kind == Kind.NOT_INSTRUMENTED ? Kind.BODY : maker.kind, host.getName(), host);
        }
        return of(type, type.getName(), name, null, type.getName() + "." + name + ", called at " + site);
    }

    /**
     * The culprit from the stack trace of an exception it threw: the first frame of the user's code or a library's.
     *
     * @param trace the trace
     * @param loader a loader that sees the user's classes
     * @return the culprit, or {@code null} if the trace holds only the platform's and the runtime's frames
     */
    static Culprit inTrace(StackTraceElement[] trace, ClassLoader loader) {
        for (StackTraceElement element : trace) {
            String name = element.getClassName();
            if (!Origins.isRuntime(name) && !Origins.isPassThrough(name) && !Origins.isPlatform(name)) {
                return of(load(name, loader), name, element.getMethodName(), null, name + "."
                        + element.getMethodName() + "(" + element.getFileName() + ":" + element.getLineNumber()
                        + ")");
            }
        }
        return null;
    }

    /**
     * A frame of a known method.
     *
     * @param type its class, or {@code null} if it cannot be loaded
     * @param className the name of its class
     * @param name the method's name
     * @param methodType its type, or {@code null} if unknown
     * @param where how to name it
     * @return the culprit
     */
    static Culprit of(Class<?> type, String className, String name, MethodType methodType, String where) {
        String method = className + "." + name;
        Kind kind;
        if (name.equals("<init>")) {
            kind = Kind.CONSTRUCTOR;
        } else if (name.equals("<clinit>")) {
            kind = Kind.STATIC_INITIALISER;
        } else if (Origins.isPlatform(className)) {
            kind = Origins.isReflection(className) ? Kind.REFLECTION : Kind.JDK;
        } else if (type != null && type.isHidden()) {
            kind = Kind.HIDDEN;
        } else if (type != null && isSynchronized(type, name, methodType)) {
            kind = Kind.SYNCHRONIZED;
        } else {
            kind = Kind.NOT_INSTRUMENTED;
        }
        return new Culprit(where, kind, method, type);
    }

    /** Whether the frame's method is synchronized; with no type known, whether any method of that name is. */
    private static boolean isSynchronized(Class<?> type, String name, MethodType methodType) {
        try {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && (methodType == null || methodType.equals(
                        MethodType.methodType(method.getReturnType(), method.getParameterTypes())))) {
                    return Modifier.isSynchronized(method.getModifiers());
                }
            }
        } catch (LinkageError | SecurityException e) {
            // A class whose methods cannot be listed: it is named all the same.
        }
        return false;
    }

    /**
     * Whether a class was instrumented (by the agent or a build) although this method of it was not.
     *
     * @return true if its class carries the instrumented marker
     */
    boolean classInstrumented() {
        return type != null && type.isAnnotationPresent(Instrumented.class);
    }

    /**
     * Whether the culprit's class belongs with another class: see {@link Places#together}.
     *
     * @param other a class, such as the instrumented one that called the culprit
     * @return true if both came from the same place, or from the same build
     */
    boolean besides(Class<?> other) {
        return Places.together(type, other);
    }

    /**
     * The folder or jar of the culprit's class, by its last name ({@code lib-1.0.jar}), or {@code null}.
     *
     * @return the name
     */
    String placeName() {
        return Places.name(type);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            // Already loaded: its method was just running. Never initialised here.
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String element(StackFrame frame) {
        return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                + frame.getLineNumber() + ")";
    }
}
