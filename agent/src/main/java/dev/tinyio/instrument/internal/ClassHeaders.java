package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The superclass, interfaces and kind of classes, read from their class files' headers and cached: enough to
 * compute stack map frames without loading any class.
 */
final class ClassHeaders {
    /** One class's header. */
    record Header(String name, String superName, List<String> interfaces, boolean isInterface) {
    }

    private final ClassSource source;
    private final Map<String, Header> cache = new ConcurrentHashMap<>();

    ClassHeaders(ClassSource source) {
        this.source = source;
    }

    /**
     * The header of a class.
     *
     * @param internalName the class
     * @return its header, or {@code null} if its class file cannot be found
     */
    Header of(String internalName) {
        Header cached = cache.get(internalName);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = source.bytesOf(internalName);
        if (bytes == null) {
            return null;
        }
        ClassReader reader = new ClassReader(bytes);
        Header header = new Header(internalName, reader.getSuperName(), List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        cache.put(internalName, header);
        return header;
    }

    /**
     * The nearest common superclass of two classes, as the verifier sees it: interfaces merge to Object.
     *
     * @param a one class
     * @param b another class
     * @return their common superclass
     * @throws InstrumentationException if the class file of either, or of one of their superclasses, cannot be read
     */
    String commonSuperClass(String a, String b) {
        List<String> chainOfA = superChain(a);
        for (String candidate : superChain(b)) {
            if (chainOfA.contains(candidate)) {
                return candidate;
            }
        }
        return "java/lang/Object";
    }

    private List<String> superChain(String internalName) {
        List<String> chain = new ArrayList<>();
        String current = internalName;
        while (current != null) {
            Header header = of(current);
            if (header == null) {
                // Guessing Object here gives frames the verifier rejects (VerifyError at load, past any fallback).
                throw new InstrumentationException("Cannot read the class file of " + current + ", needed to "
                        + "compute stack map frames: its class loader has no resource for it (classes defined "
                        + "from bytes) or it is missing from the classpath");
            }
            if (header.isInterface()) {
                break;
            }
            chain.add(current);
            current = header.superName();
        }
        return chain;
    }
}
