package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * Instruments classes one at a time, against one analysis of which methods suspend kept across them: a class that
 * may need it is handed to {@link InstrumentedClass}, which rewrites each suspendable method with a re-entry copy,
 * adds the dispatch method and the marker, and writes the class with freshly computed frames.
 */
public final class ClassRewriter {
    /** The version of the contract between instrumented code and the runtime that this rewriter emits. */
    public static final int CONTRACT_VERSION = RuntimeNames.CONTRACT_VERSION;

    /** The class hierarchy, read from class files and cached. */
    private final ClassHeaders headers;
    /** Which methods and calls may suspend, over every class known. */
    private final SuspendableIndex index;
    /** The calls whose callees no analysis sees. */
    private final OpenCalls openCalls;
    /** Where warnings about call sites that cannot suspend go. */
    private final SuspensionWarnings warnings;

    /**
     * A rewriter reading other classes from a source.
     *
     * @param classes the source of other class files
     * @param warnings receives a line for each call site that can never suspend
     */
    public ClassRewriter(ClassSource classes, Consumer<String> warnings) {
        this.headers = new ClassHeaders(classes);
        this.index = new SuspendableIndex(classes, headers);
        this.openCalls = new OpenCalls(classes);
        this.warnings = new SuspensionWarnings(warnings);
    }

    /**
     * Adds the classes of a program, to be analysed together: see {@link SuspendableIndex#addProgram}.
     *
     * @param classFiles the class files, by a label naming each in errors
     * @return why each class file that cannot be read was left out, by its label
     */
    public Map<String, RuntimeException> addProgram(Map<String, byte[]> classFiles) {
        return index.addProgram(classFiles);
    }

    /**
     * Whether a class belongs to a program added earlier.
     *
     * @param internalName the class
     * @return true if it was analysed as part of a program
     */
    public boolean inProgram(String internalName) {
        return index.inProgram(internalName);
    }

    /**
     * Instruments a class.
     *
     * @param classFile its bytes
     * @return the new bytes, or {@code null} if nothing needs instrumenting
     */
    public byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName();
        boolean program = index.inProgram(name);
        boolean untouched = program ? !index.mayNeedRewriting(name)
                : !ClassScan.mentionsTinyio(classFile) || Packages.isLibrary(name);
        if (untouched) {
            return null;
        }
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        if (marker(node) != null) {
            return null;
        }
        if (!program) {
            index.ensureKnown(classFile);
        }
        return new InstrumentedClass(node, index, headers, openCalls, warnings).rewrite(reader);
    }

    /**
     * The suspendable methods of a class, as the Maven plugin records them in its index; remembered, so that the
     * class's callers instrumented later by this rewriter see them even once the class itself is rewritten.
     *
     * @param classFile the class file, instrumented or not
     * @return each suspendable method as name followed by descriptor
     */
    public Set<String> suspendableMethods(byte[] classFile) {
        return index.suspendableMethods(index.ensureKnown(classFile));
    }

    /**
     * How many methods of the programs added may suspend, and why, in one line for a build's log.
     *
     * @return the summary
     */
    public String summary() {
        Map<SuspendReason, Integer> counts = index.programCounts();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total + " methods may suspend: " + counts.getOrDefault(SuspendReason.YIELDS, 0)
                + " call Coro.yield, " + counts.getOrDefault(SuspendReason.ANNOTATED, 0)
                + " carry @Suspendable, " + counts.getOrDefault(SuspendReason.CALLS, 0)
                + " call one of those, " + counts.getOrDefault(SuspendReason.DISPATCH, 0)
                + " call through an interface or superclass, " + counts.getOrDefault(SuspendReason.LAMBDA, 0)
                + " call a lambda or method reference" + (counts.containsKey(SuspendReason.UNKNOWN)
                ? ", " + counts.get(SuspendReason.UNKNOWN) + " call into classes whose files cannot be found"
                : "");
    }

    /**
     * Whether a class is one never rewritten: the JDK's, and the library's own.
     *
     * @param internalName the class
     * @return true if it is never instrumented
     */
    public static boolean neverInstruments(String internalName) {
        return Packages.neverSuspends(internalName);
    }

    /**
     * Whether a class file carries the marker of instrumented classes.
     *
     * @param classFile the class file
     * @return true if it was instrumented already
     */
    public static boolean isInstrumented(byte[] classFile) {
        return instrumentedFor(classFile).isPresent();
    }

    /**
     * The version of the contract between instrumented code and the runtime that a class was instrumented for, as
     * its marker records it.
     *
     * @param classFile the class file
     * @return the version; 0 for a class marked before versions were recorded; empty if the class is not marked
     */
    public static OptionalInt instrumentedFor(byte[] classFile) {
        // Only the class's annotations are kept: the agent asks this of every class it may instrument.
        ClassNode header = new ClassNode(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return null;
            }
        };
        new ClassReader(classFile).accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                | ClassReader.SKIP_FRAMES);
        AnnotationNode marker = marker(header);
        if (marker == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; marker.values != null && i < marker.values.size(); i += 2) {
            if (marker.values.get(i).equals("contract")) {
                return OptionalInt.of((Integer) marker.values.get(i + 1));
            }
        }
        return OptionalInt.of(0);
    }

    /** The marker of instrumented classes on a class, or {@code null}. */
    private static AnnotationNode marker(ClassNode node) {
        if (node.visibleAnnotations != null) {
            for (AnnotationNode annotation : node.visibleAnnotations) {
                if (annotation.desc.equals(RuntimeNames.INSTRUMENTED_DESC)) {
                    return annotation;
                }
            }
        }
        return null;
    }
}
