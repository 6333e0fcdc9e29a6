package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyio.internal.Contract;
import dev.tinyio.internal.Instrumented;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * The instrumenter's copy of the contract between instrumented code and the runtime ({@code RuntimeNames}) is the
 * runtime's ({@link Contract}); every reference instrumented code makes into the runtime's internals is one the
 * contract lists; and every member the contract lists is there in the runtime, public, with that descriptor.
 */
class ContractTest {
    /** The package of the runtime's internals, which instrumented code calls. */
    private static final String INTERNAL = "dev/tinyio/internal/";
    /** A type named in a descriptor or signature. */
    private static final Pattern NAMED_TYPE = Pattern.compile("L(" + INTERNAL + "[^;<]+)[;<]");
    /** The constant pool's tags (JVMS 4.4) this test reads. */
    private static final int UTF8 = 1, CLASS = 7, FIELD = 9, METHOD = 10, INTERFACE_METHOD = 11, HANDLE = 15,
            DYNAMIC = 17;
    /** The names of {@code RuntimeNames} that name no member of the runtime's internals, and what each is. */
    private static final Map<String, String> NOT_IN_CONTRACT = Map.of(
            "CORO", "the public class whose yields are redirected",
            "SUSPENDABLE_DESC", "the public annotation the instrumenter reads",
            "FRAME_DESC", "the descriptor of FRAME",
            "SITE_DESC", "the descriptor of SITE",
            "FRAME_STORE", "the package of every class of the contract");

    @Test
    void every_runtime_name_of_the_instrumenter_is_the_contracts() throws Exception {
        Class<?> runtimeNames = Class.forName("dev.tinyio.instrument.internal.RuntimeNames");
        Set<String> matched = new TreeSet<>();
        for (Field name : runtimeNames.getDeclaredFields()) {
            if (!Modifier.isStatic(name.getModifiers())) {
                continue;
            }
            name.setAccessible(true);
            Object value = name.get(null);
            if (NOT_IN_CONTRACT.containsKey(name.getName())) {
                continue;
            }
            String contractName = switch (name.getName()) {
                case "CONTRACT_VERSION" -> "VERSION";
                case "CONTRACT" -> null;
                default -> name.getName().replaceAll("_DESC$", "_DESCRIPTOR");
            };
            Object expected = contractName == null ? Type.getInternalName(Contract.class)
                    : Contract.class.getField(contractName).get(null);
            assertEquals(expected, value, "RuntimeNames." + name.getName() + " against Contract." + contractName);
            if (contractName != null) {
                matched.add(contractName);
            }
        }
        assertEquals("L" + Contract.FRAME + ";", runtimeName("FRAME_DESC"));
        assertEquals("L" + Contract.SITE + ";", runtimeName("SITE_DESC"));
        assertEquals(Contract.class.getPackageName().replace('.', '/') + "/", runtimeName("FRAME_STORE"));
        // And the other way round: every name the contract declares, but its list of members, is the instrumenter's.
        for (Field declared : Contract.class.getFields()) {
            if (!declared.getName().equals("MEMBERS")) {
                assertTrue(matched.contains(declared.getName()), "Contract." + declared.getName()
                        + " has no counterpart in RuntimeNames");
            }
        }
        assertEquals(ContractVersion.CURRENT, Contract.VERSION);
    }

    @Test
    void every_reference_of_instrumented_classes_into_the_runtimes_internals_is_in_the_contract() {
        Set<String> members = Set.copyOf(Contract.MEMBERS);
        Set<String> classes = contractClasses();
        Map<String, String> unlisted = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        instrumentedSamples().forEach((sample, bytes) -> {
            for (String reference : referencesOf(bytes)) {
                used.add(reference);
                boolean listed = reference.contains(".") ? members.contains(reference) : classes.contains(reference);
                if (!listed) {
                    unlisted.put(reference, sample);
                }
            }
            checkMarkerAndDispatch(sample, bytes);
        });
        assertEquals(Map.of(), unlisted, "references into " + INTERNAL + " that Contract does not list, each with a "
                + "sample making it");
        // The samples make the calls the contract is about: not a vacuous pass.
        assertTrue(used.containsAll(List.of(Contract.SUSPENSION + ".save(L" + Contract.SITE + ";)L" + Contract.FRAME
                + ";", Contract.SITE + "." + Contract.SITE_BOOTSTRAP_NAME + Contract.SITE_BOOTSTRAP_DESCRIPTOR,
                Type.getInternalName(Contract.class) + "." + Contract.CHECK + Contract.CHECK_DESCRIPTOR,
                Type.getType(Contract.INSTRUMENTED_DESCRIPTOR).getInternalName())), used::toString);
    }

    @Test
    void every_member_the_contract_lists_resolves_in_the_runtime_public_with_its_descriptor() throws Exception {
        List<String> unresolved = new ArrayList<>();
        for (String entry : Contract.MEMBERS) {
            int dot = entry.indexOf('.');
            Class<?> owner = Class.forName(entry.substring(0, dot).replace('/', '.'), false,
                    getClass().getClassLoader());
            Member member = member(owner, entry.substring(dot + 1));
            if (member == null || !Modifier.isPublic(owner.getModifiers())
                    || !Modifier.isPublic(member.getModifiers())) {
                unresolved.add(entry);
            }
        }
        assertEquals(List.of(), unresolved, "members of Contract.MEMBERS missing from the runtime or not public");
        for (String body : Contract.BODY_TYPES) {
            assertTrue(Class.forName(body.replace('/', '.')).isInterface(), body);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // What instrumented classes refer to
    // -----------------------------------------------------------------------------------------------------------

    /** The samples, analysed together and instrumented, by class name; those left as they are are left out. */
    private static Map<String, byte[]> instrumentedSamples() {
        Instrumenter instrumenter = new Instrumenter(ClassSource.of(ContractTest.class.getClassLoader()));
        Map<String, byte[]> program = new TreeMap<>();
        for (String name : InstrumentingLoader.samplesIn(InstrumentingLoader.testClasses())) {
            program.put(name, InstrumentingLoader.original(name));
        }
        assertEquals(Map.of(), instrumenter.analyse(program));
        Map<String, byte[]> instrumented = new TreeMap<>();
        program.forEach((name, bytes) -> {
            byte[] result = instrumenter.instrument(bytes);
            if (result != null) {
                instrumented.put(name, result);
            }
        });
        assertFalse(instrumented.isEmpty());
        return instrumented;
    }

    /**
     * Every reference of a class file's constant pool into the runtime's internals: each field, method and method
     * handle as owner, dot, name and descriptor; each class, and each type a descriptor names, by its name.
     */
    private static Set<String> referencesOf(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> references = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // The second slot of a long or a double.
            }
            switch (reader.b[offset - 1]) {
                case CLASS -> references.add(reader.readUTF8(offset, buffer));
                case FIELD, METHOD, INTERFACE_METHOD -> {
                    int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                    references.add(reader.readClass(offset, buffer) + "." + reader.readUTF8(nameAndType, buffer)
                            + reader.readUTF8(nameAndType + 2, buffer));
                }
                case HANDLE -> references.add(handle((Handle) reader.readConst(i, buffer)));
                case DYNAMIC -> references.add(handle(((ConstantDynamic) reader.readConst(i, buffer))
                        .getBootstrapMethod()));
                case UTF8 -> {
                    // Descriptors and signatures: names are ASCII, which modified UTF-8 leaves as it is.
                    Matcher named = NAMED_TYPE.matcher(new String(reader.b, offset + 2,
                            reader.readUnsignedShort(offset), StandardCharsets.UTF_8));
                    while (named.find()) {
                        references.add(named.group(1));
                    }
                }
                default -> {
                }
            }
        }
        references.removeIf(reference -> !reference.startsWith(INTERNAL));
        return references;
    }

    /** A method handle as owner, dot, name and descriptor. */
    private static String handle(Handle handle) {
        return handle.getOwner() + "." + handle.getName() + handle.getDesc();
    }

    /** The classes the contract names: its own, the marker's, and the owners of its members. */
    private static Set<String> contractClasses() {
        Set<String> classes = new HashSet<>();
        classes.add(Type.getInternalName(Contract.class));
        classes.add(Type.getType(Contract.INSTRUMENTED_DESCRIPTOR).getInternalName());
        for (String member : Contract.MEMBERS) {
            classes.add(member.substring(0, member.indexOf('.')));
        }
        return classes;
    }

    /** The marker's elements are the runtime annotation's, its version this one; what it re-enters, it dispatches. */
    private static void checkMarkerAndDispatch(String sample, byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
        AnnotationNode marker = node.visibleAnnotations.stream()
                .filter(annotation -> annotation.desc.equals(Contract.INSTRUMENTED_DESCRIPTOR)).findFirst()
                .orElseThrow(() -> new AssertionError(sample + " has no marker"));
        boolean reentered = false;
        for (int i = 0; i < marker.values.size(); i += 2) {
            String element = (String) marker.values.get(i);
            reentered |= element.equals("value") && !((List<?>) marker.values.get(i + 1)).isEmpty();
            try {
                Instrumented.class.getMethod(element);
            } catch (NoSuchMethodException e) {
                fail(sample + "'s marker has an element " + element + " the runtime's annotation lacks");
            }
            if (element.equals("contract")) {
                assertEquals(Contract.VERSION, marker.values.get(i + 1), sample);
            }
        }
        boolean dispatches = node.methods.stream().anyMatch(method -> method.name.equals(Contract.DISPATCH_NAME)
                && method.desc.equals(Contract.DISPATCH_DESCRIPTOR));
        assertEquals(reentered, dispatches, sample + " has methods to re-enter, and a dispatch method to do it");
    }

    // -----------------------------------------------------------------------------------------------------------
    // The runtime's members
    // -----------------------------------------------------------------------------------------------------------

    /** The field or method of a class that a contract entry's name and descriptor give, or {@code null}. */
    private static Member member(Class<?> owner, String nameAndDescriptor) {
        int paren = nameAndDescriptor.indexOf('(');
        if (paren >= 0) {
            String name = nameAndDescriptor.substring(0, paren);
            String descriptor = nameAndDescriptor.substring(paren);
            for (Method method : owner.getDeclaredMethods()) {
                if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
                    return method;
                }
            }
            return null;
        }
        for (Field field : owner.getDeclaredFields()) {
            if (nameAndDescriptor.equals(field.getName() + Type.getDescriptor(field.getType()))) {
                return field;
            }
        }
        return null;
    }

    private static Object runtimeName(String name) throws ReflectiveOperationException {
        Field field = Class.forName("dev.tinyio.instrument.internal.RuntimeNames").getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
