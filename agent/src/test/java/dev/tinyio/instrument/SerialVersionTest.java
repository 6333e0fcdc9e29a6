package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import samples.serial.Ledger;
import samples.serial.Numbered;
import samples.serial.Registry;
import samples.serial.Tally;

/**
 * A serializable class that instrumenting gives a static initialiser it did not have keeps its default
 * {@code serialVersionUID}, pinned in a field: what the class as compiled serialized deserializes into the
 * instrumented class, and the reverse, each class in a loader of its own.
 */
class SerialVersionTest {
    private static final ClassSource TEST_CLASSES = ClassSource.of(SerialVersionTest.class.getClassLoader());
    /** Ledger and its nested classes, each of which gets an initialiser and a pinned value. */
    private static final List<String> PINNED = List.of("samples.serial.Ledger", "samples.serial.Ledger$Entry",
            "samples.serial.Ledger$Line");

    @Test
    void each_serializable_class_given_an_initialiser_declares_its_default_value_as_compiled() throws Exception {
        ClassLoader compiled = new SerialLoader(SerialVersionTest::asCompiled);
        ClassLoader instrumented = new SerialLoader(name -> instrumented(name, TEST_CLASSES));
        for (String name : PINNED) {
            assertFalse(hasInitialiser(asCompiled(name)), name);
            assertTrue(hasInitialiser(instrumented(name, TEST_CLASSES)), name);
            Class<?> before = compiled.loadClass(name);
            Class<?> after = instrumented.loadClass(name);
            assertEquals(ObjectStreamClass.lookup(before).getSerialVersionUID(),
                    ObjectStreamClass.lookup(after).getSerialVersionUID(), name);
            Field pinned = after.getDeclaredField("serialVersionUID");
            assertEquals(Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL, pinned.getModifiers()
                    & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL), name);
            assertEquals(long.class, pinned.getType(), name);
            assertTrue(pinned.isSynthetic(), name);
        }
    }

    @Test
    void what_the_class_as_compiled_serialized_the_instrumented_class_deserializes_and_the_reverse()
            throws Exception {
        ClassLoader compiled = new SerialLoader(SerialVersionTest::asCompiled);
        ClassLoader instrumented = new InstrumentingLoader();
        Object written = compiled.loadClass(Ledger.class.getName()).getConstructor(String.class, int.class)
                .newInstance("ann", 2);
        Object read = roundTrip(written, instrumented);
        assertEquals(instrumented, read.getClass().getClassLoader());
        assertEquals("ann:2 opening=2 first of ann", read.toString());

        Object back = roundTrip(read, compiled);
        assertEquals(compiled, back.getClass().getClassLoader());
        assertEquals("ann:2 opening=2 first of ann", back.toString());
    }

    @Test
    void without_the_value_pinned_the_instrumented_class_would_refuse_what_the_class_as_compiled_wrote()
            throws Exception {
        ClassLoader compiled = new SerialLoader(SerialVersionTest::asCompiled);
        ClassLoader unpinned = new SerialLoader(name -> withoutField(instrumented(name, TEST_CLASSES),
                "serialVersionUID"));
        Object written = compiled.loadClass(Ledger.class.getName()).getConstructor(String.class, int.class)
                .newInstance("ann", 2);
        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> roundTrip(written, unpinned));
        assertTrue(refused.getMessage().startsWith("samples.serial.Ledger; local class incompatible"),
                refused.getMessage());
    }

    @Test
    void a_class_with_an_initialiser_or_a_value_of_its_own_or_that_is_not_serializable_gets_no_field()
            throws Exception {
        for (Class<?> sample : List.of(Registry.class, Numbered.class, Tally.class)) {
            byte[] bytes = instrumented(sample.getName(), TEST_CLASSES);
            List<String> added = fieldsOf(bytes);
            added.removeAll(fieldsOf(asCompiled(sample.getName())));
            assertEquals(List.of(), added, sample.getName());
            assertTrue(hasInitialiser(bytes), sample.getName());
        }
        Class<?> numbered = new SerialLoader(name -> instrumented(name, TEST_CLASSES))
                .loadClass(Numbered.class.getName());
        assertEquals(7L, ObjectStreamClass.lookup(numbered).getSerialVersionUID());
    }

    @Test
    void a_class_whose_superclass_cannot_be_read_may_be_serializable_and_gets_its_value_pinned() {
        ClassSource withoutBase = internalName -> internalName.equals("samples/serial/Base") ? null
                : TEST_CLASSES.bytesOf(internalName);
        byte[] bytes = instrumented(Tally.class.getName(), withoutBase);
        assertTrue(fieldsOf(bytes).contains("serialVersionUID"), fieldsOf(bytes)::toString);
        assertNotEquals(fieldsOf(bytes), fieldsOf(instrumented(Tally.class.getName(), TEST_CLASSES)));
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Serializes an object and reads it back with the classes of another loader. */
    private static Object roundTrip(Object object, ClassLoader reader) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, reader);
            }
        }) {
            return in.readObject();
        }
    }

    private static byte[] asCompiled(String name) {
        return InstrumentingLoader.original(name);
    }

    /** A sample instrumented on its own, as the agent meets a class, reading other classes from a source. */
    private static byte[] instrumented(String name, ClassSource classes) {
        byte[] bytes = new Instrumenter(classes).instrument(asCompiled(name));
        assertNotNull(bytes, name + " was not instrumented");
        return bytes;
    }

    private static boolean hasInitialiser(byte[] classFile) {
        return read(classFile).methods.stream().anyMatch(method -> method.name.equals("<clinit>"));
    }

    private static List<String> fieldsOf(byte[] classFile) {
        return new ArrayList<>(read(classFile).fields.stream().map(field -> field.name).toList());
    }

    private static byte[] withoutField(byte[] classFile, String name) {
        ClassNode node = read(classFile);
        node.fields.removeIf((FieldNode field) -> field.name.equals(name));
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    /** Defines the serial samples, child-first, from the bytes a function gives: a class of their own each time. */
    private static final class SerialLoader extends ClassLoader {
        private final Function<String, byte[]> bytesOf;

        SerialLoader(Function<String, byte[]> bytesOf) {
            super(SerialLoader.class.getClassLoader());
            this.bytesOf = bytesOf;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("samples.serial.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytesOf.apply(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }
    }
}
