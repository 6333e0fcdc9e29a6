package dev.tinyio.internal;

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

    MethodInfo(Class<?> owner, String name, String descriptor, String file, int id, int refSlots, int primSlots,
            Resumer resumer) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.file = file;
        this.id = id;
        this.refSlots = refSlots;
        this.primSlots = primSlots;
        this.resumer = resumer;
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
