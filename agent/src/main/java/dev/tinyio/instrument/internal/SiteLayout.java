package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The values alive at one suspension site, by their verifier types, and where each is saved in a frame: locals
 * first, then the operand stack below the call's arguments, bottom first.
 */
final class SiteLayout {
    /** How a value is saved and restored. */
    enum Kind {
        /** int, short, char, byte or boolean, in the primitive array. */
        INT,
        /** float, by its raw bits in the primitive array. */
        FLOAT,
        /** long, in the primitive array. */
        LONG,
        /** double, by its raw bits in the primitive array. */
        DOUBLE,
        /** A reference, in the reference array, cast back to its type on restore. */
        REF,
        /** Known to be null: not saved, restored as null. */
        NULL
    }

    /**
     * One saved value.
     *
     * @param kind how it is saved
     * @param type the internal name or array descriptor of a reference
     * @param slot its index in the frame's array for its kind
     * @param local its local variable index, or -1 for an operand stack value
     */
    record Value(Kind kind, String type, int slot, int local) {
        /** The size of the value on the stack or in locals. */
        int size() {
            return kind == Kind.LONG || kind == Kind.DOUBLE ? 2 : 1;
        }
    }

    /** The call that may suspend. */
    final MethodInsnNode call;
    /** The index of the site in its method. */
    final int index;
    /** The source line of the call, or -1. */
    final int line;
    /** Saved locals. */
    final List<Value> locals = new ArrayList<>();
    /** Saved operand stack values below the call's arguments, bottom first. */
    final List<Value> stack = new ArrayList<>();
    /** How many reference slots this site uses. */
    int refSlots;
    /** How many primitive slots this site uses. */
    int primSlots;

    private SiteLayout(MethodInsnNode call, int index, int line) {
        this.call = call;
        this.index = index;
        this.line = line;
    }

    /**
     * Lays out a site from the verifier types in force just before its call, as ASM's analyzer reports them.
     *
     * @param call the call
     * @param index the site's index in its method
     * @param line the source line, or -1
     * @param localTypes the types of the locals
     * @param stackTypes the types on the operand stack, including the call's arguments
     * @param where the method, for error messages
     * @return the layout
     */
    static SiteLayout of(MethodInsnNode call, int index, int line, List<Object> localTypes, List<Object> stackTypes,
            String where) {
        SiteLayout layout = new SiteLayout(call, index, line);
        for (int i = 0; i < localTypes.size(); i++) {
            Value value = layout.value(localTypes.get(i), i, where);
            if (value != null) {
                layout.locals.add(value);
                i += value.size() - 1;
            }
        }
        int argumentSize = Type.getArgumentsAndReturnSizes(call.desc) >> 2;
        if (call.getOpcode() == Opcodes.INVOKESTATIC) {
            argumentSize--;
        }
        List<Object> below = stackTypes.subList(0, stackTypes.size() - argumentSize);
        for (int i = 0; i < below.size(); i++) {
            Value value = layout.value(below.get(i), -1, where);
            if (value == null) {
                throw new InstrumentationException("Unexpected empty stack slot at line " + line + " of " + where);
            }
            layout.stack.add(value);
            i += value.size() - 1;
        }
        return layout;
    }

    private Value value(Object type, int local, String where) {
        if (type == Opcodes.TOP) {
            return null;
        }
        if (type == Opcodes.INTEGER) {
            return new Value(Kind.INT, null, primSlots++, local);
        }
        if (type == Opcodes.FLOAT) {
            return new Value(Kind.FLOAT, null, primSlots++, local);
        }
        if (type == Opcodes.LONG) {
            return new Value(Kind.LONG, null, primSlots++, local);
        }
        if (type == Opcodes.DOUBLE) {
            return new Value(Kind.DOUBLE, null, primSlots++, local);
        }
        if (type == Opcodes.NULL) {
            return new Value(Kind.NULL, null, -1, local);
        }
        if (type instanceof String reference) {
            return new Value(Kind.REF, reference, refSlots++, local);
        }
        if (type == Opcodes.UNINITIALIZED_THIS || type instanceof Label) {
            throw new InstrumentationException("Cannot suspend at line " + line + " of " + where + " while an object "
                    + "is under construction there (a suspending call among the arguments of new or inside a "
                    + "constructor). Move the suspending call into a local variable before the new expression.");
        }
        throw new InstrumentationException("Unknown verifier type " + type + " at line " + line + " of " + where);
    }
}
