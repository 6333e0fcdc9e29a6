package dev.tinyio.junit;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.Instrumenter;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes that the agent would have instrumented but that loaded before it was there: the classes of the
 * program's class folders whose instrumented form differs from the one loaded. They cannot be changed any more,
 * since instrumenting adds methods.
 */
final class EarlyClasses {
    private EarlyClasses() {
    }

    /**
     * The loaded classes that needed the agent, looked at in the program of the current thread's class loader.
     *
     * @param instrumentation this JVM's instrumentation, which lists the loaded classes
     * @return their names, sorted; empty if none
     */
    static List<String> loadedBefore(Instrumentation instrumentation) {
        return among(List.of(instrumentation.getAllLoadedClasses()), Thread.currentThread().getContextClassLoader());
    }

    /**
     * The classes among some loaded ones that the agent would have instrumented.
     *
     * @param loaded the classes loaded
     * @param loader the loader of the program, whose class folders are analysed together as the agent does
     * @return their names, sorted; empty if none
     */
    static List<String> among(Collection<Class<?>> loaded, ClassLoader loader) {
        Map<String, Class<?>> fromFolders = new LinkedHashMap<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Class<?> type : loaded) {
            Path folder = type.isArray() || type.isPrimitive() || type.isHidden() ? null : ClassFolders.folderOf(type);
            if (folder != null) {
                fromFolders.put(type.getName().replace('.', '/') + ".class", type);
                folders.add(folder);
            }
        }
        if (fromFolders.isEmpty()) {
            // As it should be: nothing of the program loaded yet, and nothing to read.
            return List.of();
        }
        folders.addAll(ClassFolders.onClassPathOf(loader));
        Map<String, byte[]> program = ClassFolders.read(folders);
        Instrumenter instrumenter = new Instrumenter(ClassSource.of(loader), warning -> {
            // The agent gives these warnings when it instruments the classes; here they would come twice.
        });
        instrumenter.analyse(program);
        List<String> early = new ArrayList<>();
        fromFolders.forEach((path, type) -> {
            byte[] classFile = program.get(path);
            if (classFile != null && needsInstrumenting(instrumenter, classFile)) {
                early.add(type.getName());
            }
        });
        early.sort(null);
        return early;
    }

    private static boolean needsInstrumenting(Instrumenter instrumenter, byte[] classFile) {
        try {
            return instrumenter.instrument(classFile) != null;
        } catch (InstrumentationException e) {
            // It suspends where it cannot be instrumented: the agent would have said why, had it seen it load.
            return true;
        }
    }
}
