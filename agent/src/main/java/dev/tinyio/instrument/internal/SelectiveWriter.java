package dev.tinyio.instrument.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writes an instrumented class so that every method the instrumenter did not touch keeps its exact bytes: the
 * constant pool is carried over and those methods are copied as they were. Stack map frames are computed only for
 * the rewritten and added methods, each on its own, from class headers read as bytes. The class is marked as
 * instrumented, with the contract version, and if its code calls the frame store, its static initialiser checks
 * that version first ({@link InitialiserCheck}).
 */
final class SelectiveWriter {
    private final ClassHeaders headers;

    SelectiveWriter(ClassHeaders headers) {
        this.headers = headers;
    }

    /**
     * Writes the class.
     *
     * @param original the original class file
     * @param node the class as analysed, for its header
     * @param changed the rewritten methods, by name and descriptor
     * @param added the methods to add
     * @param instrumented the names and descriptors the marker lists
     * @return the new class file
     */
    byte[] write(ClassReader original, ClassNode node, List<MethodNode> changed, List<MethodNode> added,
            List<String> instrumented) {
        Map<String, MethodNode> replacements = new HashMap<>();
        for (MethodNode method : changed) {
            replacements.put(method.name + method.desc, withFrames(node, method));
        }
        ClassWriter writer = new ClassWriter(original, 0);
        boolean initialised = node.methods.stream().anyMatch(method -> method.name.equals("<clinit>"));
        List<MethodNode> written = new ArrayList<>(changed);
        written.addAll(added);
        ClassVisitor checked = !InitialiserCheck.needed(written) ? writer : new InitialiserCheck(writer, node.name,
                initialised ? OptionalLong.empty() : SerialVersion.toPin(original, headers));
        original.accept(new ClassVisitor(Opcodes.ASM9, checked) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodNode replacement = replacements.get(name + descriptor);
                if (replacement == null) {
                    return super.visitMethod(access, name, descriptor, signature, exceptions);
                }
                // Through the check, which is prepended to a rewritten static initialiser too.
                replacement.accept(checked);
                return null;
            }

            @Override
            public void visitEnd() {
                for (MethodNode method : added) {
                    withFrames(node, method).accept(writer);
                }
                AnnotationVisitor marker = super.visitAnnotation(RuntimeNames.INSTRUMENTED_DESC, true);
                AnnotationVisitor methods = marker.visitArray("value");
                for (String method : instrumented) {
                    methods.visit(null, method);
                }
                methods.visitEnd();
                marker.visit("contract", RuntimeNames.CONTRACT_VERSION);
                marker.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The method with frames and maximums computed, by writing it alone into a class of the same header. */
    private MethodNode withFrames(ClassNode owner, MethodNode method) {
        ClassWriter scratch = new FrameComputingWriter(headers);
        scratch.visit(owner.version, owner.access, owner.name, null, owner.superName,
                owner.interfaces.toArray(new String[0]));
        method.accept(scratch);
        scratch.visitEnd();
        ClassNode computed = new ClassNode();
        new ClassReader(scratch.toByteArray()).accept(computed, 0);
        return computed.methods.get(0);
    }
}
