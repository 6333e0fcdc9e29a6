package dev.tinyio.internal;

import java.util.List;

/**
 * The contract between instrumented code and this runtime, in one place: every class, field, method and descriptor
 * the instrumenter emits, and its version. The instrumenter keeps its own copy as strings, so that it never loads
 * the runtime; a test of the agent checks that copy against this class and resolves each member here.
 *
 * <p>Classes record the version they were instrumented for in their {@link Instrumented} marker. A runtime that
 * meets a class of another version refuses it at the class's first use, naming both versions and the fix, before
 * any renamed member could fail with a {@link NoSuchMethodError}. Whenever anything here changes, so does
 * {@link #VERSION}.
 */
public final class Contract {
    /** The version of this contract. */
    public static final int VERSION = 2;
    /** The method that checks a class's version, first thing in its static initialiser: frozen, in every version. */
    public static final String CHECK = "check";
    /** The descriptor of {@link #CHECK}: the version the class was instrumented for, then the class. */
    public static final String CHECK_DESCRIPTOR = "(ILjava/lang/Class;)V";

    /** The class whose static methods instrumented code calls. */
    public static final String SUSPENSION = "dev/tinyio/internal/Suspension";
    /** The class of the counter instrumented code reads after every call that may suspend. */
    public static final String UNWINDING = "dev/tinyio/internal/Unwinding";
    /** A saved frame. */
    public static final String FRAME = "dev/tinyio/internal/Frame";
    /** A call site, loaded as a dynamic constant. */
    public static final String SITE = "dev/tinyio/internal/SiteInfo";
    /** What the runtime knows of an instrumented method. */
    public static final String METHOD_INFO = "dev/tinyio/internal/MethodInfo";
    /** The descriptor of the marker annotation on instrumented classes. */
    public static final String INSTRUMENTED_DESCRIPTOR = "Ldev/tinyio/internal/Instrumented;";

    /** The synthetic method of every instrumented class that re-enters a saved frame of it. */
    public static final String DISPATCH_NAME = "tinyio$resume";
    /** The descriptor of {@link #DISPATCH_NAME}. */
    public static final String DISPATCH_DESCRIPTOR = "(L" + FRAME + ";)Ljava/lang/Object;";
    /** The bootstrap method of a site's dynamic constant, in {@link #SITE}. */
    public static final String SITE_BOOTSTRAP_NAME = "bootstrap";
    /**
     * The descriptor of {@link #SITE_BOOTSTRAP_NAME}: the method's name, descriptor, source file, id and frame slots
     * (references, primitives); the site's index and line, and where it saves {@code this}; its callee's owner, name
     * and descriptor, and how the runtime checks the callee's frame; and the interface methods lambda proxies enter
     * the method through.
     */
    public static final String SITE_BOOTSTRAP_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;IIIIII"
            + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)L" + SITE + ";";

    /** A site's callee check: none, at a yield. The kinds are the ordinals of {@link SiteInfo.CalleeCheck}. */
    public static final int CALLEE_UNCHECKED = 0;
    /** A site's callee check: a static or special call. */
    public static final int CALLEE_DIRECT = 1;
    /** A site's callee check: a virtual call. */
    public static final int CALLEE_VIRTUAL = 2;
    /** A site's callee check: an interface call. */
    public static final int CALLEE_THROUGH_INTERFACE = 3;

    /** The interfaces whose lambdas are coroutine bodies. */
    public static final List<String> BODY_TYPES = List.of("dev/tinyio/Coro$Body", "dev/tinyio/Coro$VoidBody");

    /**
     * Every field and method instrumented code refers to, each as its owner's internal name, a dot, its name and
     * its descriptor.
     */
    public static final List<String> MEMBERS = List.of(
            "dev/tinyio/internal/Contract." + CHECK + CHECK_DESCRIPTOR,
            UNWINDING + ".pending" + "I",
            SUSPENSION + ".yield()V",
            SUSPENSION + ".yield(Ldev/tinyio/Coro;)Ljava/lang/Object;",
            SUSPENSION + ".yield(Ljava/util/List;)Ljava/util/List;",
            SUSPENSION + ".yield(Ljava/util/Set;)V",
            SUSPENSION + ".yield(L" + FRAME + ";)V",
            SUSPENSION + ".yield(Ldev/tinyio/Coro;L" + FRAME + ";)Ljava/lang/Object;",
            SUSPENSION + ".yield(Ljava/util/List;L" + FRAME + ";)Ljava/util/List;",
            SUSPENSION + ".yield(Ljava/util/Set;L" + FRAME + ";)V",
            SUSPENSION + ".isSuspending()Z",
            SUSPENSION + ".save(L" + SITE + ";)L" + FRAME + ";",
            SUSPENSION + ".save(Ljava/lang/Object;L" + SITE + ";)L" + FRAME + ";",
            SUSPENSION + ".resave(L" + FRAME + ";L" + SITE + ";)L" + FRAME + ";",
            SUSPENSION + ".resave(Ljava/lang/Object;L" + FRAME + ";L" + SITE + ";)L" + FRAME + ";",
            SUSPENSION + ".badSite(L" + FRAME + ";)Ljava/lang/IllegalStateException;",
            SUSPENSION + ".leaked(Ljava/lang/String;Ljava/lang/String;)Ldev/tinyio/NotInstrumentedError;",
            SUSPENSION + ".entered()Ldev/tinyio/NotInstrumentedError;",
            SUSPENSION + ".monitorHeld(Ljava/lang/String;)Ldev/tinyio/NotInstrumentedError;",
            SUSPENSION + ".initialiserCarriedOn(Ljava/lang/String;)Ldev/tinyio/NotInstrumentedError;",
            SUSPENSION + ".initialize(Ljava/lang/Class;)V",
            FRAME + ".refs[Ljava/lang/Object;",
            FRAME + ".prims[J",
            FRAME + ".site" + "L" + SITE + ";",
            FRAME + ".resumeValue()Ljava/lang/Object;",
            SITE + ".index()I",
            SITE + ".method()L" + METHOD_INFO + ";",
            SITE + "." + SITE_BOOTSTRAP_NAME + SITE_BOOTSTRAP_DESCRIPTOR,
            METHOD_INFO + ".id()I");

    private Contract() {
    }

    /**
     * Refuses a class instrumented for another version of this contract, at its first use: the instrumenter puts a
     * call of this method first in the static initialiser of every class it rewrites, so that the class fails
     * here, with the fix, before any of its calls into the runtime could meet a member that no longer exists. Its
     * name and descriptor never change.
     *
     * @param version the version the class was instrumented for
     * @param instrumented the class
     * @throws IncompatibleClassChangeError if the versions differ
     */
    public static void check(int version, Class<?> instrumented) {
        if (version != VERSION) {
            throw new IncompatibleClassChangeError(mismatch(instrumented.getName(), version));
        }
    }

    /**
     * What is said of a class instrumented for another version.
     *
     * @param className the class
     * @param version the version it was instrumented for
     * @return the message, naming both versions and the fix
     */
    static String mismatch(String className, int version) {
        String runtime = Contract.class.getPackage().getImplementationVersion();
        String plugin = runtime == null ? "tinyio-maven-plugin of the runtime's version"
                : "tinyio-maven-plugin " + runtime;
        return className + " was instrumented for version " + version + " of the contract between instrumented "
                + "code and tinyio's runtime, but this runtime" + (runtime == null ? "" : " (tinyio-runtime "
                + runtime + ")") + " implements version " + VERSION + ". Instrument the class again with the "
                + "runtime's version: build its module again with " + plugin + " (mvn clean verify), or, if the "
                + "agent instruments it, run the agent of that version.";
    }
}
