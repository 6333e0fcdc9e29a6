package dev.tinyio.instrument.build;

import dev.tinyio.instrument.Instrumenter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a named module can run the classes tinyio instrumented in it. Instrumented classes call the runtime's
 * module, {@code dev.tinyio}, and the JVM refuses such a call ({@code IllegalAccessError}) from a module that does
 * not read it. A class that names tinyio cannot compile unless its module reads the runtime; but the analysis also
 * instruments classes that never name it, which suspend through calls into another module, so a module may compile
 * without reading the runtime and still need to.
 *
 * <p>A module reads the runtime when its {@code module-info} requires {@code dev.tinyio}, or requires a module that
 * requires it transitively (at any depth), as the descriptors of the modules on the classpath say. Everything is
 * read from class files; nothing is loaded.
 */
public final class RuntimeReadCheck {
    /** The runtime's module. */
    static final String RUNTIME_MODULE = "dev.tinyio";
    /** The module descriptor's class file, at the root of an output folder or a jar. */
    private static final String MODULE_INFO = "module-info.class";
    /** At most this many classes are named in the message. */
    private static final int NAMED_CLASSES = 5;

    private RuntimeReadCheck() {
    }

    /**
     * What is wrong with an output folder whose module does not read the runtime but has classes that tinyio
     * instrumented: the message names the module, the classes and the line to add to its {@code module-info.java}.
     *
     * @param folder the output folder, after instrumenting; a folder without {@code module-info.class} is not a
     *     named module, and always fine
     * @param classpath what the folder was compiled against, where the modules it requires are looked for
     * @return the message, or empty if the module can run its classes
     * @throws IOException if a class file or a module descriptor cannot be read
     */
    public static Optional<String> problem(Path folder, List<Path> classpath) throws IOException {
        Path moduleInfo = folder.resolve(MODULE_INFO);
        if (!Files.isRegularFile(moduleInfo)) {
            return Optional.empty();
        }
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            module = read(in, moduleInfo.toString());
        }
        if (readsRuntime(module, classpath)) {
            return Optional.empty();
        }
        Set<String> instrumented = instrumentedClasses(folder);
        if (instrumented.isEmpty()) {
            return Optional.empty();
        }
        String name = module.name();
        boolean one = instrumented.size() == 1;
        List<String> named = instrumented.stream().limit(NAMED_CLASSES).toList();
        String classes = String.join(", ", named);
        if (instrumented.size() > named.size()) {
            classes += " and " + (instrumented.size() - named.size()) + " more";
        }
        return Optional.of("Module " + name + " does not read " + RUNTIME_MODULE + ", the tinyio runtime, which "
                + (one ? "the class" : "the classes") + " tinyio instrumented in it " + (one ? "calls" : "call") + ": "
                + classes + " (instrumented because " + (one ? "it" : "they") + " may suspend). Run, "
                + (one ? "it" : "they") + " would fail with IllegalAccessError. Add this line to module " + name
                + "'s module-info.java: requires " + RUNTIME_MODULE + ";");
    }

    /** Whether a module reads the runtime: it requires it, or requires a module that requires it transitively. */
    private static boolean readsRuntime(ModuleDescriptor module, List<Path> classpath) throws IOException {
        Set<String> reads = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        module.requires().forEach(requires -> pending.add(requires.name()));
        Map<String, ModuleDescriptor> others = null;
        while (!pending.isEmpty()) {
            String next = pending.remove();
            if (next.equals(RUNTIME_MODULE)) {
                return true;
            }
            if (!reads.add(next)) {
                continue;
            }
            if (others == null) {
                // Read only when the module does not require the runtime itself.
                others = descriptors(classpath);
            }
            ModuleDescriptor other = others.get(next);
            if (other != null) {
                other.requires().stream().filter(requires -> requires.modifiers().contains(Modifier.TRANSITIVE))
                        .forEach(requires -> pending.add(requires.name()));
            }
        }
        return false;
    }

    /** The descriptors of the explicit modules on the classpath, by name; the first of a name wins. */
    private static Map<String, ModuleDescriptor> descriptors(List<Path> classpath) throws IOException {
        Map<String, ModuleDescriptor> descriptors = new HashMap<>();
        for (Path element : classpath) {
            ModuleDescriptor descriptor = descriptorOf(element);
            if (descriptor != null) {
                descriptors.putIfAbsent(descriptor.name(), descriptor);
            }
        }
        return descriptors;
    }

    /** The descriptor of a folder or jar, or {@code null} if it has none (it is then no explicit module). */
    private static ModuleDescriptor descriptorOf(Path element) throws IOException {
        if (Files.isDirectory(element)) {
            Path file = element.resolve(MODULE_INFO);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            }
        }
        if (!Files.isRegularFile(element)) {
            return null;
        }
        try (ZipFile jar = new ZipFile(element.toFile())) {
            ZipEntry entry = jar.getEntry(MODULE_INFO);
            if (entry == null) {
                entry = versionedModuleInfo(jar);
            }
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return read(in, element + "!/" + entry.getName());
            }
        }
    }

    /** A multi-release jar's descriptor for the newest release this JVM runs, if it keeps it only there. */
    private static ZipEntry versionedModuleInfo(ZipFile jar) {
        for (int release = Runtime.version().feature(); release >= 9; release--) {
            ZipEntry entry = jar.getEntry("META-INF/versions/" + release + "/" + MODULE_INFO);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    private static ModuleDescriptor read(InputStream in, String where) throws IOException {
        try {
            return ModuleDescriptor.read(in);
        } catch (InvalidModuleDescriptorException e) {
            throw new IOException("Cannot read the module descriptor " + where, e);
        }
    }

    /** The classes of the folder that carry the marker of instrumented classes, by binary name, sorted. */
    private static Set<String> instrumentedClasses(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith(MODULE_INFO)
                        && Files.isRegularFile(file) && isInstrumented(Files.readAllBytes(file))) {
                    names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return names;
    }

    private static boolean isInstrumented(byte[] bytes) {
        try {
            return Instrumenter.isInstrumented(bytes);
        } catch (RuntimeException unparsable) {
            // Not a class file the instrumenter can read: it did not instrument it.
            return false;
        }
    }
}
