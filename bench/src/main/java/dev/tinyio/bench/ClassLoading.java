package dev.tinyio.bench;

import java.io.IOException;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The agent's cost on classes that never mention the library: every class of Apache Commons Math (which JMH brings
 * along), defined afresh by a new class loader on each invocation, in a fork under the agent and in one without.
 * A third fork runs under an agent that transforms nothing, {@code anchors.NoOpAgent}: the floor for any agent.
 * The class files are read into memory first, so that the time is the JVM's (and the agent's), not the disk's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClassLoading {
    /** Class files by binary name, in name order. */
    private Map<String, byte[]> classFiles;

    /**
     * Reads the class files.
     *
     * @throws IOException if they cannot be read
     * @throws ClassNotFoundException if Commons Math is missing
     */
    @Setup
    public void readClassFiles() throws IOException, ClassNotFoundException {
        Class<?> library = Class.forName("org.apache.commons.math3.util.FastMath");
        classFiles = new TreeMap<>();
        ClassFiles.under(library, "org/apache/commons/math3/").forEach((path, bytes) ->
                classFiles.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes));
    }

    /**
     * Unloads the classes of the previous iteration. Only a full or concurrent collection unloads classes, and
     * metaspace filling up with dead ones would otherwise start one in the middle of some measurement.
     */
    @Setup(Level.Iteration)
    public void unloadClasses() {
        System.gc();
    }

    /**
     * Loads every class under the agent.
     *
     * @return how many classes were loaded
     * @throws ClassNotFoundException if a class cannot be defined
     */
    @Benchmark
    @Fork(jvmArgsAppend = Jvm.AGENT)
    public int withAgent() throws ClassNotFoundException {
        return loadAll();
    }

    /**
     * Loads every class in a fork without the agent: no fork option adds it.
     *
     * @return how many classes were loaded
     * @throws ClassNotFoundException if a class cannot be defined
     */
    @Benchmark
    public int withoutAgent() throws ClassNotFoundException {
        return loadAll();
    }

    /**
     * Loads every class under an agent that transforms nothing.
     *
     * @return how many classes were loaded
     * @throws ClassNotFoundException if a class cannot be defined
     */
    @Benchmark
    @Fork(jvmArgsAppend = Jvm.NO_OP_AGENT)
    public int withNoOpAgent() throws ClassNotFoundException {
        return loadAll();
    }

    private int loadAll() throws ClassNotFoundException {
        ClassLoader loader = new BytesLoader(classFiles);
        for (String name : classFiles.keySet()) {
            // Loads without initialising: defining the class, and its supertypes, is what the agent sees.
            Class.forName(name, false, loader);
        }
        return classFiles.size();
    }

    /** Defines classes from bytes in memory; the platform loader, its parent, does not see them. */
    private static final class BytesLoader extends ClassLoader {
        private final Map<String, byte[]> classFiles;

        BytesLoader(Map<String, byte[]> classFiles) {
            super("classes-in-memory", ClassLoader.getPlatformClassLoader());
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
