package dev.tinyio.instrument.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/**
 * The {@code serialVersionUID} a class must declare once instrumenting gives it a static initialiser it did not
 * have. The default one, which a serializable class that declares none is given, counts whether the class has a
 * static initialiser (Java Object Serialization Specification, section 4.6): unless the value of the class as
 * compiled is pinned, what the class as compiled serialized no longer deserializes into the instrumented class, nor
 * the reverse. The methods instrumenting adds are private, and private methods do not count.
 */
final class SerialVersion {
    /** The interface whose subtypes are serializable. */
    private static final String SERIALIZABLE = "java/io/Serializable";

    private SerialVersion() {
    }

    /**
     * The value to declare in a class about to get a static initialiser it did not have.
     *
     * @param original the class as compiled
     * @param headers the class hierarchy, to find whether the class may be serializable
     * @return the class's default {@code serialVersionUID} as compiled, or empty if it needs none: it declares
     *     one, it cannot be serializable, or it is a kind whose value serialization never compares
     */
    static OptionalLong toPin(ClassReader original, ClassHeaders headers) {
        // An enum's value is always 0, a record's is not compared, and an interface is never an object's class.
        boolean compared = (original.getAccess() & (Opcodes.ACC_ENUM | Opcodes.ACC_INTERFACE)) == 0
                && !"java/lang/Record".equals(original.getSuperName());
        List<String> supertypes = new ArrayList<>(List.of(original.getInterfaces()));
        if (original.getSuperName() != null) {
            supertypes.add(original.getSuperName());
        }
        if (!compared || !headers.mayBeSubtype(supertypes, SERIALIZABLE)) {
            return OptionalLong.empty();
        }
        DefaultValue value = new DefaultValue();
        original.accept(value, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return value.hasSVUID() ? OptionalLong.empty() : OptionalLong.of(value.compute());
    }

    /** ASM's computation of the default value, as the JDK's {@code ObjectStreamClass} makes it, on its own. */
    private static final class DefaultValue extends SerialVersionUIDAdder {
        /** A visitor that only collects what the value is computed from. */
        DefaultValue() {
            super(Opcodes.ASM9, null);
        }

        @Override
        public void visitEnd() {
            // The value is computed on demand, and no field is added to anything here.
        }

        /** The default value of the class visited. */
        long compute() {
            try {
                return computeSVUID();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
