package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import samples.MergedTypes;

/**
 * The errors of classes the instrumenter refuses, word for word. Beside a class whose supertypes cannot be read,
 * these are class files javac never writes but other compilers and bytecode tools may: made here with ASM, each
 * is refused by name and line rather than instrumented wrongly.
 */
class InstrumentationErrorsTest {
    private static final String YIELD_OWNER = "dev/tinyio/Coro";

    /** A source that has the crafted class, and reads everything else from the tests' class path. */
    private static Instrumenter instrumenterWith(String name, byte[] crafted) {
        ClassSource classpath = ClassSource.of(InstrumentationErrorsTest.class.getClassLoader());
        return new Instrumenter(internalName -> internalName.equals(name) ? crafted
                : classpath.bytesOf(internalName));
    }

    private static ClassWriter classNamed(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        writer.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        return writer;
    }

    private static void line(MethodVisitor method, int line) {
        Label here = new Label();
        method.visitLabel(here);
        method.visitLineNumber(line, here);
    }

    @Test
    void a_class_whose_supertypes_cannot_be_read_is_refused_naming_the_class_file_it_needs() {
        // A loader that defines classes from bytes and has no resources for them, as in-memory compilers do.
        ClassSource platformOnly = internalName -> internalName.startsWith("samples/") ? null
                : ClassSource.of(getClass().getClassLoader()).bytesOf(internalName);
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> new Instrumenter(platformOnly).instrument(InstrumentingLoader.original(
                        MergedTypes.class.getName())));
        // MergedTypes.merged keeps either a Sub or a Base across its suspension: the frame needs their common
        // supertype, and the chain of superclasses of the first of them cannot be read. It happens while the
        // instrumented form is written.
        assertEquals("Cannot write the instrumented form of " + MergedTypes.class.getName() + ": "
                + InstrumentationException.class.getName() + ": Cannot read the class file of "
                + Type.getInternalName(MergedTypes.Sub.class) + ", needed to compute stack map frames: its class "
                + "loader has no resource for it (classes defined from bytes) or it is missing from the classpath",
                error.getMessage());
    }

    /** {@code new StringBuilder} stored in a local and never constructed, across a yield. */
    @Test
    void a_suspension_while_an_object_is_under_construction_is_refused_by_line() {
        String name = "crafted/Unfinished";
        ClassWriter writer = classNamed(name);
        MethodVisitor method = writer.visitMethod(ACC_STATIC, "make", "()V", null, null);
        method.visitCode();
        line(method, 7);
        method.visitTypeInsn(NEW, "java/lang/StringBuilder");
        method.visitVarInsn(ASTORE, 0);
        line(method, 8);
        method.visitMethodInsn(INVOKESTATIC, YIELD_OWNER, "yield", "()V", false);
        method.visitInsn(RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        byte[] crafted = writer.toByteArray();
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> instrumenterWith(name, crafted).instrument(crafted));
        assertEquals("Cannot suspend at line 8 of crafted.Unfinished.make()V while an object is under construction "
                + "there (a suspending call among the arguments of new or inside a constructor). Move the suspending "
                + "call into a local variable before the new expression.", error.getMessage());
    }

    /** An int on one branch and a float on the other, merged as an unusable value under the yield. */
    @Test
    void a_suspension_above_an_unusable_stack_value_is_refused_by_line() {
        String name = "crafted/Merged";
        ClassWriter writer = classNamed(name);
        MethodVisitor method = writer.visitMethod(ACC_STATIC, "merge", "(Z)V", null, null);
        method.visitCode();
        Label isFloat = new Label();
        Label merged = new Label();
        line(method, 5);
        method.visitVarInsn(ILOAD, 0);
        method.visitJumpInsn(IFEQ, isFloat);
        method.visitInsn(ICONST_1);
        method.visitJumpInsn(GOTO, merged);
        method.visitLabel(isFloat);
        method.visitFrame(F_FULL, 1, new Object[] {INTEGER}, 0, new Object[0]);
        method.visitInsn(FCONST_1);
        method.visitLabel(merged);
        method.visitFrame(F_FULL, 1, new Object[] {INTEGER}, 1, new Object[] {TOP});
        line(method, 6);
        method.visitMethodInsn(INVOKESTATIC, YIELD_OWNER, "yield", "()V", false);
        method.visitInsn(POP);
        method.visitInsn(RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        byte[] crafted = writer.toByteArray();
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> instrumenterWith(name, crafted).instrument(crafted));
        assertEquals("Unexpected empty stack slot at line 6 of crafted.Merged.merge(Z)V", error.getMessage());
    }

    /** {@code new StringBuilder(pause())} with something between the new and its dup. */
    @Test
    void a_suspension_among_the_arguments_of_an_unusual_allocation_is_refused_by_name() {
        String name = "crafted/Odd";
        ClassWriter writer = classNamed(name);
        MethodVisitor pause = writer.visitMethod(ACC_STATIC, "pause", "()I", null, null);
        pause.visitCode();
        line(pause, 5);
        pause.visitMethodInsn(INVOKESTATIC, YIELD_OWNER, "yield", "()V", false);
        pause.visitInsn(ICONST_1);
        pause.visitInsn(IRETURN);
        pause.visitMaxs(0, 0);
        pause.visitEnd();
        MethodVisitor make = writer.visitMethod(ACC_STATIC, "make", "()Ljava/lang/StringBuilder;", null, null);
        make.visitCode();
        line(make, 9);
        make.visitTypeInsn(NEW, "java/lang/StringBuilder");
        make.visitInsn(NOP);
        make.visitInsn(DUP);
        make.visitMethodInsn(INVOKESTATIC, name, "pause", "()I", false);
        make.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(I)V", false);
        make.visitInsn(ARETURN);
        make.visitMaxs(0, 0);
        make.visitEnd();
        writer.visitEnd();
        byte[] crafted = writer.toByteArray();
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> instrumenterWith(name, crafted).instrument(crafted));
        assertEquals("Cannot suspend among the arguments of new java/lang/StringBuilder in crafted.Odd.make: the "
                + "allocation is not the usual new/dup pair. Move the suspending call into a local variable before "
                + "the new expression.", error.getMessage());
    }
}
