package dev.tinyio.instrument;

import dev.tinyio.instrument.internal.ClassRewriter;
import dev.tinyio.instrument.internal.ClassScan;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The instrumentation core: class file bytes in, class file bytes out. It knows nothing of
 * {@code java.lang.instrument} or of Maven, and never loads a class; the agent and the build plugin are thin
 * adapters around it.
 *
 * <p>Which methods may suspend is found over a whole program at once: the classes given to {@link #analyse},
 * the index each dependency instrumented earlier carries, and the classes that name the library, read when first
 * needed. Only methods that may suspend are rewritten; every other method, and every class that has none, is left
 * as it was. A class is marked when instrumented, with the version of the contract between instrumented code and
 * the runtime that it was instrumented for ({@link ContractVersion}), which its static initialiser checks against
 * the runtime's first; a marked class is never instrumented again.
 */
public final class Instrumenter {
    private static final System.Logger LOG = System.getLogger("dev.tinyio.instrument");

    private final ClassRewriter rewriter;

    /**
     * An instrumenter that resolves calls into other classes, and their hierarchy, through a source of class
     * files, and logs its warnings through {@code System.Logger} ({@code dev.tinyio.instrument}).
     *
     * @param classes where to read other classes from
     */
    public Instrumenter(ClassSource classes) {
        this(classes, warning -> LOG.log(System.Logger.Level.WARNING, warning));
    }

    /**
     * An instrumenter with its own destination for warnings: one line for each call site that may suspend where
     * a coroutine can never suspend (inside {@code synchronized}, in a constructor or static initialiser).
     *
     * @param classes where to read other classes from
     * @param warnings receives the warnings
     */
    public Instrumenter(ClassSource classes, Consumer<String> warnings) {
        this.rewriter = new ClassRewriter(classes, warnings);
    }

    /**
     * Adds the classes of a program, analysed together before any of them is instrumented: every one of them is
     * instrumented where it may suspend, whether or not it names the library, and calls through interfaces,
     * superclasses and lambdas suspend where an implementation among them does.
     *
     * @param classFiles the class files, each by a label that names it in the result (a path, say)
     * @return why each class file that cannot be read was left out, by its label; empty if all were read
     */
    public Map<String, RuntimeException> analyse(Map<String, byte[]> classFiles) {
        return rewriter.addProgram(classFiles);
    }

    /**
     * Whether a class was given to {@link #analyse}: such a class needs instrumenting even if it never names the
     * library, so {@link #mayNeedInstrumenting} does not apply to it.
     *
     * @param internalName the class's internal name
     * @return true if it belongs to the program analysed
     */
    public boolean isAnalysed(String internalName) {
        return rewriter.inProgram(internalName);
    }

    /**
     * How many methods of the program analysed may suspend, and why, in one line for a build's log.
     *
     * @return the summary
     */
    public String summary() {
        return rewriter.summary();
    }

    /**
     * The cheap first look at a class outside the program analysed: whether its class file mentions the library at
     * all. One that does not can have nothing to instrument, so a caller may skip it before anything else.
     *
     * @param classFile the class file
     * @return false if the class certainly has nothing to instrument
     */
    public static boolean mayNeedInstrumenting(byte[] classFile) {
        return ClassScan.mentionsTinyio(classFile);
    }

    /**
     * Whether a class is one no instrumenter ever rewrites, known by its name alone: the JDK's, and tinyio's own.
     *
     * @param internalName the class's internal name
     * @return true if it is never instrumented
     */
    public static boolean neverInstruments(String internalName) {
        return ClassRewriter.neverInstruments(internalName);
    }

    /**
     * Whether a class file carries the marker of a class this library instrumented.
     *
     * @param classFile the class file
     * @return true if it was instrumented already
     */
    public static boolean isInstrumented(byte[] classFile) {
        return ClassRewriter.isInstrumented(classFile);
    }

    /**
     * Instruments one class.
     *
     * @param classFile the class file
     * @return the instrumented class file, or {@code null} if the class has nothing to instrument (then the
     *     original bytes stand, unchanged)
     * @throws InstrumentationException if the class suspends somewhere it cannot; the message says where and why
     */
    public byte[] instrument(byte[] classFile) {
        return rewriter.rewrite(classFile);
    }

    /**
     * The methods of a class that suspend: those a {@link SuspendableIndexFile} lists. For a class instrumented
     * earlier, whose own bytes no longer show its yields, this is what the class source records for it. The
     * answer is remembered, so that classes instrumented after this one see it even if its bytes are rewritten
     * in the meantime.
     *
     * @param classFile the class file, instrumented or not
     * @return each suspendable method as its name followed by its descriptor
     */
    public Set<String> suspendableMethods(byte[] classFile) {
        return rewriter.suspendableMethods(classFile);
    }
}
