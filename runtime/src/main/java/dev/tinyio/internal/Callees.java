package dev.tinyio.internal;

/**
 * The check that links a saved frame to its caller's: the frame below a call site must be the one the call entered,
 * or a frame that was not instrumented stood between them.
 */
final class Callees {
    private Callees() {
    }

    /**
     * Whether the frame saved below a call site can be the one its call entered, with no frame between them that was
     * not instrumented (a decorator, a proxy, a JDK combinator, which would have carried on with a dummy result).
     * Below a static or special call it is the called method's; below a dispatched one, the called method's (an
     * override or bridge has its name and descriptor) with the receiver as {@code this}, or, through an interface,
     * a method that the receiver, a lambda proxy, enters itself.
     */
    static boolean entered(SiteInfo call, Frame saved, Object receiver) {
        if (call.calleeCheck == SiteInfo.CalleeCheck.NONE) {
            return true;
        }
        MethodInfo callee = saved.site.method;
        boolean named = call.calleeName.equals(callee.name) && call.calleeDescriptor.equals(callee.descriptor);
        if (call.calleeCheck == SiteInfo.CalleeCheck.DIRECT) {
            return named;
        }
        int self = saved.site.thisSlot;
        if (named && self >= 0 && saved.refs[self] == receiver) {
            return true;
        }
        return call.calleeCheck == SiteInfo.CalleeCheck.THROUGH_INTERFACE
                && Proxies.enters(receiver, callee, call.calleeName);
    }
}
