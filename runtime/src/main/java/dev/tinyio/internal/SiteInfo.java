package dev.tinyio.internal;

import java.lang.invoke.MethodHandles;

/**
 * One call site where an instrumented method can suspend. Each site is a dynamic constant in the instrumented
 * class, created once by {@link #bootstrap} and then loaded for free every time the site saves its frame.
 */
public final class SiteInfo {
    /** How the frame saved below a site is checked to be the one its call entered. */
    enum CalleeCheck {
        /** A yield: no frame is saved below it. */
        NONE,
        /** A static or special call: the frame below must be the called method's. */
        DIRECT,
        /** A virtual call: the frame below must be the called method's, of the receiver kept at the site. */
        VIRTUAL,
        /** An interface call: as a virtual one, or a method a lambda proxy of the receiver's class enters for it. */
        THROUGH_INTERFACE
    }

    /** The method this site belongs to. */
    final MethodInfo method;
    /** The index of the site in its method, used to jump back to it. */
    final int index;
    /** The source line of the call, or -1. */
    final int line;
    /** Where this site saves {@code this} among the frame's references, or -1 in a static method. */
    final int thisSlot;
    /** The internal name of the class the call here names, or {@code null} at a yield. */
    final String calleeOwner;
    /** Name of the method called here, or {@code null} at a yield. */
    final String calleeName;
    /** Descriptor of the method called here, or {@code null} at a yield. */
    final String calleeDescriptor;
    /** How the frame saved below this site is checked. */
    final CalleeCheck calleeCheck;

    private SiteInfo(MethodInfo method, int index, int line, int thisSlot, String calleeOwner, String calleeName,
            String calleeDescriptor, CalleeCheck calleeCheck) {
        this.method = method;
        this.index = index;
        this.line = line;
        this.thisSlot = thisSlot;
        this.calleeOwner = calleeOwner;
        this.calleeName = calleeName;
        this.calleeDescriptor = calleeDescriptor;
        this.calleeCheck = calleeCheck;
    }

    /**
     * The method called here, as {@code owner.name(descriptor)} with the owner's internal name.
     *
     * @return the callee
     */
    String callee() {
        return calleeOwner + "." + calleeName + calleeDescriptor;
    }

    /**
     * The index of this site in its method.
     *
     * @return the index the restore code switches on
     */
    public int index() {
        return index;
    }

    /**
     * The method this site belongs to.
     *
     * @return its method
     */
    public MethodInfo method() {
        return method;
    }

    /**
     * Bootstrap method of the dynamic constant for a site, called by the JVM once per site.
     *
     * @param lookup full-privilege lookup of the instrumented class
     * @param constantName unused
     * @param type {@code SiteInfo.class}
     * @param methodName name of the instrumented method
     * @param descriptor descriptor of the instrumented method
     * @param file source file name, or an empty string
     * @param methodId index of the method in its class
     * @param refSlots reference slots a frame of the method needs
     * @param primSlots primitive slots a frame of the method needs
     * @param index index of the site in the method
     * @param line source line of the call, or -1
     * @param thisSlot where the site saves {@code this} among the frame's references, or -1
     * @param calleeOwner internal name of the class the call names, or an empty string at a yield
     * @param calleeName name of the called method, or an empty string at a yield
     * @param calleeDescriptor descriptor of the called method, or an empty string at a yield
     * @param calleeKind how the frame below is checked: the ordinal of a {@link CalleeCheck}, as
     *     {@link Contract#CALLEE_UNCHECKED} and the constants after it say
     * @param entered the interface methods lambda proxies enter the method through, as {@code interface.method}
     *     separated by commas, or an empty string
     * @return the site
     * @throws ReflectiveOperationException if the class has no dispatch method (it was not instrumented whole)
     */
    public static SiteInfo bootstrap(MethodHandles.Lookup lookup, String constantName, Class<?> type,
            String methodName, String descriptor, String file, int methodId, int refSlots, int primSlots,
            int index, int line, int thisSlot, String calleeOwner, String calleeName, String calleeDescriptor,
            int calleeKind, String entered) throws ReflectiveOperationException {
        Class<?> owner = lookup.lookupClass();
        MethodInfo method = new MethodInfo(owner, methodName, descriptor, file.isEmpty() ? null : file, methodId,
                refSlots, primSlots, Resumers.of(lookup), entered);
        CalleeCheck check = CalleeCheck.values()[calleeKind];
        boolean checked = check != CalleeCheck.NONE;
        return new SiteInfo(method, index, line, thisSlot, checked ? calleeOwner : null,
                checked ? calleeName : null, checked ? calleeDescriptor : null, check);
    }

    /**
     * Where the frame is suspended, as a stack trace element.
     *
     * @return the element naming the method and line
     */
    StackTraceElement element() {
        return method.at(line);
    }

    @Override
    public String toString() {
        return element().toString();
    }
}
