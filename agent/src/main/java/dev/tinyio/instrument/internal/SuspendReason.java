package dev.tinyio.instrument.internal;

/** Why a method may suspend; the first reason found is kept, for the build's summary. */
enum SuspendReason {
    /** It calls {@code Coro.yield}. */
    YIELDS,
    /** It carries {@code @Suspendable}. */
    ANNOTATED,
    /** The build that instrumented its class recorded it. */
    RECORDED,
    /** It makes a static or special call to a method that may suspend. */
    CALLS,
    /** It makes a virtual or interface call that an object of a class it knows may receive by suspending. */
    DISPATCH,
    /** It makes a call that a lambda or method reference that may suspend may receive. */
    LAMBDA,
    /** It calls a method of a class whose class file cannot be found, which may suspend for all anyone knows. */
    UNKNOWN
}
