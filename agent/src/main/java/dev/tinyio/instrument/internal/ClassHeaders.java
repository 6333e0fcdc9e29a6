package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        /** The header of a class file, for the class of the given name. */
        static Header of(String name, byte[] classFile) {
            ClassReader reader = new ClassReader(classFile);
            return new Header(name, reader.getSuperName(), List.of(reader.getInterfaces()),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        }
    }

    private final ClassSource source;
    private final Map<String, Header> cache = new ConcurrentHashMap<>();
    /** Every supertype of each class asked about, itself excluded: for subtype checks of the analysis. */
    private final Map<String, Set<String>> ancestors = new ConcurrentHashMap<>();

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
        Header header = Header.of(internalName, bytes);
        cache.put(internalName, header);
        return header;
    }

    /**
     * Remembers the header of a class whose bytes the caller has already read, so that it is never read again:
     * a class of the program being analysed, whose bytes the source may not hold as they are analysed.
     *
     * @param header the header
     */
    void put(Header header) {
        cache.put(header.name(), header);
    }

    /**
     * Whether one type is the other or a subtype of it, as far as the class files that can be read tell.
     *
     * @param type a class or interface
     * @param supertype another
     * @return true if values of {@code type} are also of {@code supertype}
     */
    boolean isSubtype(String type, String supertype) {
        return type.equals(supertype) || supertype.equals("java/lang/Object")
                || ancestors(type).contains(supertype);
    }

    /**
     * The coroutine body interface a type is, or extends: a user's own {@code interface Job<T> extends
     * Coro.Body<T>} makes bodies too.
     *
     * @param type an interface
     * @return {@code Coro.Body}'s or {@code Coro.VoidBody}'s internal name, or {@code null}
     */
    String bodyType(String type) {
        for (String body : RuntimeNames.BODY_TYPES) {
            if (type.equals(body) || ancestors(type).contains(body)) {
                return body;
            }
        }
        return null;
    }

    /**
     * Every superclass and superinterface of a type, directly or not; those whose class files cannot be read end
     * the search along their branch.
     *
     * @param type a class or interface
     * @return its supertypes, itself excluded
     */
    Set<String> ancestors(String type) {
        Set<String> known = ancestors.get(type);
        if (known != null) {
            return known;
        }
        Set<String> found = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add(type);
        while (!next.isEmpty()) {
            Header header = of(next.pop());
            if (header == null) {
                continue;
            }
            if (header.superName() != null && found.add(header.superName())) {
                next.add(header.superName());
            }
            for (String itf : header.interfaces()) {
                if (found.add(itf)) {
                    next.add(itf);
                }
            }
        }
        Set<String> result = Set.copyOf(found);
        ancestors.put(type, result);
        return result;
    }

    /**
     * Whether a type with the given direct supertypes may be a subtype of another, as far as the class files that
     * can be read rule it out: a supertype whose class file cannot be read may be anything.
     *
     * @param supertypes the type's superclass and interfaces
     * @param supertype the type it may be a subtype of
     * @return false only if no supertype is {@code supertype}, and every class file read says so
     */
    boolean mayBeSubtype(List<String> supertypes, String supertype) {
        for (String direct : supertypes) {
            if (direct.equals(supertype) || of(direct) == null || ancestors(direct).contains(supertype)) {
                return true;
            }
            for (String ancestor : ancestors(direct)) {
                if (of(ancestor) == null) {
                    return true;
                }
            }
        }
        return false;
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
