package dev.tinyio.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call site where an instrumented method can suspend. Each site is a dynamic constant in the instrumented
 * class, created once by {@link #bootstrap} and then loaded for free every time the site saves its frame.
 */
public final class SiteInfo {
    /** Name of the synthetic dispatch method that every instrumented class gets. */
    public static final String DISPATCH_NAME = "tinyio$resume";

    /** One resumer per instrumented class, made on first use; a ClassValue does not pin class loaders. */
    private static final ClassValue<AtomicReference<Resumer>> RESUMERS = new ClassValue<>() {
        @Override
        protected AtomicReference<Resumer> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    /** The method this site belongs to. */
    final MethodInfo method;
    /** The index of the site in its method, used to jump back to it. */
    final int index;
    /** The source line of the call, or -1. */
    final int line;
    /** A yield: no frame is saved below it. */
    static final int CALLEE_UNCHECKED = 0;
    /** A static or special call: the frame below must be the called method's. */
    static final int CALLEE_DIRECT = 1;
    /** A virtual call: the frame below must be the called method's, of the receiver kept at the site. */
    static final int CALLEE_VIRTUAL = 2;
    /** An interface call: as a virtual one, or a method a lambda proxy of the receiver's class enters for it. */
    static final int CALLEE_THROUGH_INTERFACE = 3;

    /** Where this site saves {@code this} among the frame's references, or -1 in a static method. */
    final int thisSlot;
    /** The internal name of the class the call here names, or {@code null} at a yield. */
    final String calleeOwner;
    /** Name of the method called here, or {@code null} at a yield. */
    final String calleeName;
    /** Descriptor of the method called here, or {@code null} at a yield. */
    final String calleeDescriptor;
    /** How the frame saved below this site is checked: one of the {@code CALLEE_} constants. */
    final int calleeKind;

    private SiteInfo(MethodInfo method, int index, int line, int thisSlot, String calleeOwner, String calleeName,
            String calleeDescriptor, int calleeKind) {
        this.method = method;
        this.index = index;
        this.line = line;
        this.thisSlot = thisSlot;
        this.calleeOwner = calleeOwner;
        this.calleeName = calleeName;
        this.calleeDescriptor = calleeDescriptor;
        this.calleeKind = calleeKind;
    }

    /**
     * Whether the frame saved below this site can be the one its call entered, with no frame between them that was
     * not instrumented (a decorator, a proxy, a JDK combinator, which would have carried on with a dummy result).
     * Below a static or special call it is the called method's; below a dispatched one, the called method's (an
     * override or bridge has its name and descriptor) with the receiver as {@code this}, or, through an interface,
     * a method that the receiver, a lambda proxy, enters itself.
     *
     * @param saved the frame saved below
     * @param receiver the receiver of a dispatched call, as the site kept it; {@code null} for other calls
     * @return false if a frame that was not instrumented lies between them
     */
    boolean accepts(Frame saved, Object receiver) {
        if (calleeKind == CALLEE_UNCHECKED) {
            return true;
        }
        MethodInfo callee = saved.site.method;
        boolean named = calleeName.equals(callee.name) && calleeDescriptor.equals(callee.descriptor);
        if (calleeKind == CALLEE_DIRECT) {
            return named;
        }
        int self = saved.site.thisSlot;
        if (named && self >= 0 && saved.refs[self] == receiver) {
            return true;
        }
        return calleeKind == CALLEE_THROUGH_INTERFACE && Proxies.enters(receiver, callee, calleeName);
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
     * @param calleeKind how the frame below is checked: 0 not at all (a yield), 1 a static or special call, 2 a
     *     virtual call, 3 an interface call
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
                refSlots, primSlots, resumerOf(lookup), entered);
        boolean checked = calleeKind != CALLEE_UNCHECKED;
        return new SiteInfo(method, index, line, thisSlot, checked ? calleeOwner : null,
                checked ? calleeName : null, checked ? calleeDescriptor : null, calleeKind);
    }

    private static Resumer resumerOf(MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        AtomicReference<Resumer> cached = RESUMERS.get(lookup.lookupClass());
        Resumer resumer = cached.get();
        if (resumer == null) {
            cached.compareAndSet(null, spinResumer(lookup));
            resumer = cached.get();
        }
        return resumer;
    }

    private static Resumer spinResumer(MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        MethodType dispatchType = MethodType.methodType(Object.class, Frame.class);
        MethodHandle dispatch = lookup.findStatic(lookup.lookupClass(), DISPATCH_NAME, dispatchType);
        try {
            CallSite site = LambdaMetafactory.metafactory(lookup, "resume", MethodType.methodType(Resumer.class),
                    dispatchType, dispatch, dispatchType);
            return (Resumer) site.getTarget().invokeExact();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot make the resumer of " + lookup.lookupClass().getName(), t);
        }
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
