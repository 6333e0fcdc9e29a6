package dev.tinyio.internal;

import java.util.List;

/** What the runtime knows of one instrumented method: how to re-enter it and how to name it in a stack trace. */
public final class MethodInfo {
    /** The class declaring the method. */
    final Class<?> owner;
    /** The method's name. */
    final String name;
    /** The method's descriptor. */
    final String descriptor;
    /** The source file, or {@code null} if the class file does not say. */
    final String file;
    /** The index of the method among its class's instrumented methods, used by the dispatch method. */
    final int id;
    /** Number of reference slots a frame of this method needs. */
    final int refSlots;
    /** Number of primitive slots a frame of this method needs. */
    final int primSlots;
    /** Re-enters frames of the owner class. */
    final Resumer resumer;
    /** The names of the interface methods through which lambda proxies enter this method; empty for most. */
    private final List<String> enteredFor;
    /** Whether lambda proxies enter this method as a coroutine's body. */
    private final boolean body;
    /**
     * The nest host of a method that lambda proxies enter, or {@code null}: only proxies of that nest enter it
     * directly, since the instrumenter gives every method reference a bridge in the class that makes it.
     */
    final Class<?> entryNest;

    MethodInfo(Class<?> owner, String name, String descriptor, String file, int id, int refSlots, int primSlots,
            Resumer resumer, String entered) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.file = file;
        this.id = id;
        this.refSlots = refSlots;
        this.primSlots = primSlots;
        this.resumer = resumer;
        // Plain loops: a site's constant may be resolved deep in a stack, where every class loaded costs.
        String[] interfaceMethods = entered.isEmpty() ? new String[0] : entered.split(",");
        String[] names = new String[interfaceMethods.length];
        boolean body = false;
        for (int i = 0; i < names.length; i++) {
            names[i] = interfaceMethods[i].substring(interfaceMethods[i].lastIndexOf('.') + 1);
            for (String type : Contract.BODY_TYPES) {
                body |= interfaceMethods[i].startsWith(type + ".");
            }
        }
        this.enteredFor = List.of(names);
        this.body = body;
        this.entryNest = names.length > 0 ? owner.getNestHost() : null;
    }

    /**
     * Whether lambda proxies enter this method as a coroutine's body.
     *
     * @return true for the method of a lambda or method reference made into a {@code Coro.Body}
     */
    boolean isBody() {
        return body;
    }

    /**
     * Whether a lambda proxy enters this method for an interface method of that name.
     *
     * @param interfaceMethod the name of the interface method called
     * @return true if this method is the body of a lambda or method reference implementing it
     */
    boolean isEnteredFor(String interfaceMethod) {
        return enteredFor.contains(interfaceMethod);
    }

    /**
     * The index used by the class's dispatch method.
     *
     * @return the method's index in its class
     */
    public int id() {
        return id;
    }

    /**
     * A stack trace element for this method suspended at a line.
     *
     * @param line the source line, or a negative number if unknown
     * @return the element
     */
    StackTraceElement at(int line) {
        return new StackTraceElement(owner.getName(), name, file, line);
    }

    @Override
    public String toString() {
        return owner.getName() + "." + name + (file == null ? "" : "(" + file + ")");
    }
}
