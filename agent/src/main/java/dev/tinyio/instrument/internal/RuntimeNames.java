package dev.tinyio.instrument.internal;

import java.util.List;

/**
 * Names in the runtime that instrumented code refers to: the binary interface between the instrumenter and
 * {@code dev.tinyio.internal}, which the runtime declares in {@code dev.tinyio.internal.Contract}. Kept as strings
 * so that the instrumenter never loads runtime classes; a test checks each one against {@code Contract}, and each
 * member instrumented code refers to against the members {@code Contract} lists. When this changes, so does
 * {@link #CONTRACT_VERSION}, with the runtime's.
 */
final class RuntimeNames {
    /** The version of the contract this instrumenter emits: recorded in every class it rewrites, and its index. */
    static final int CONTRACT_VERSION = 2;
    /** The package of the frame store, which holds every class of the contract: a prefix of internal names. */
    static final String FRAME_STORE = "dev/tinyio/internal/";
    /** The class declaring the contract, whose check every rewritten class's static initialiser calls first. */
    static final String CONTRACT = "dev/tinyio/internal/Contract";
    /** The check of a class's contract version: its name and descriptor never change, in any version. */
    static final String CHECK = "check";
    /** Descriptor of the check: the version the class was instrumented for, then the class. */
    static final String CHECK_DESC = "(ILjava/lang/Class;)V";
    /** The public coroutine class whose {@code yield} calls are redirected. */
    static final String CORO = "dev/tinyio/Coro";
    /** The interfaces whose lambdas are coroutine bodies, with or without a result. */
    static final List<String> BODY_TYPES = List.of("dev/tinyio/Coro$Body",
            "dev/tinyio/Coro$VoidBody");
    /** The annotation for methods that suspend through virtual dispatch. */
    static final String SUSPENDABLE_DESC = "Ldev/tinyio/Suspendable;";
    /** The entry points of instrumented code. */
    static final String SUSPENSION = "dev/tinyio/internal/Suspension";
    /** The class of the counter instrumented code reads after every call that may suspend. */
    static final String UNWINDING = "dev/tinyio/internal/Unwinding";
    /** A saved frame. */
    static final String FRAME = "dev/tinyio/internal/Frame";
    /** Descriptor of a saved frame. */
    static final String FRAME_DESC = "L" + FRAME + ";";
    /** A call site, loaded as a dynamic constant. */
    static final String SITE = "dev/tinyio/internal/SiteInfo";
    /** Descriptor of a call site. */
    static final String SITE_DESC = "L" + SITE + ";";
    /** What the runtime knows of an instrumented method. */
    static final String METHOD_INFO = "dev/tinyio/internal/MethodInfo";
    /** The marker annotation on instrumented classes. */
    static final String INSTRUMENTED_DESC = "Ldev/tinyio/internal/Instrumented;";
    /** The synthetic dispatch method every instrumented class gets. */
    static final String DISPATCH_NAME = "tinyio$resume";
    /** Descriptor of the dispatch method. */
    static final String DISPATCH_DESC = "(" + FRAME_DESC + ")Ljava/lang/Object;";
    /** The bootstrap method of a site constant, in {@link #SITE}. */
    static final String SITE_BOOTSTRAP_NAME = "bootstrap";
    /**
     * Descriptor of the bootstrap method of a site constant: the method's name, descriptor, source file, id and
     * frame slots (references, primitives); the site's index and line, and where it saves {@code this}; its
     * callee's owner, name and descriptor, and how the runtime checks the callee's frame; and the interface methods
     * lambda proxies enter the method through.
     */
    static final String SITE_BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;IIIIIILjava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)" + SITE_DESC;
    /** A yield: no frame is saved below it. */
    static final int CALLEE_UNCHECKED = 0;
    /** A static or special call: the frame below must be the called method's. */
    static final int CALLEE_DIRECT = 1;
    /** A virtual call: the frame below must be the called method's, of the receiver kept at the site. */
    static final int CALLEE_VIRTUAL = 2;
    /** An interface call: as a virtual one, or a method a lambda proxy of the receiver's class enters for it. */
    static final int CALLEE_THROUGH_INTERFACE = 3;

    private RuntimeNames() {
    }
}
