package dev.tinyio.agent;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.ContractVersion;
import dev.tinyio.instrument.Instrumenter;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Adapts the {@link Instrumenter} to {@code java.lang.instrument}: one instrumenter per class loader, which
 * analyses the application's classes that loader loads as one program ({@link ApplicationClasses}).
 */
final class SuspendableTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger("dev.tinyio.agent");

    /** Exit status of a JVM stopped by the failfast option. */
    private static final int FAIL_FAST_STATUS = 70;

    private final AgentOptions options;
    private final ApplicationClasses application;
    private final RuntimeReads runtimeReads;
    /** Weak keys: an instrumenter reads through its loader weakly, so it does not keep the loader alive. */
    private final Map<ClassLoader, LoaderProgram> byLoader = new WeakHashMap<>();
    /** The instrumenter for classes of the bootstrap loader. */
    private final Instrumenter bootstrap = new Instrumenter(ClassSource.of(null));

    SuspendableTransformer(AgentOptions options, RuntimeReads runtimeReads) {
        this.options = options;
        this.application = new ApplicationClasses(options.classes());
        this.runtimeReads = runtimeReads;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null || className == null || Instrumenter.neverInstruments(className)) {
            // We do not support retransformation, and hidden classes (no name) are not instrumented.
            return null;
        }
        if (!options.classes().accepts(className)) {
            // Left out on purpose by include or exclude: suspending through it throws NotInstrumentedError.
            return null;
        }
        try {
            Instrumenter instrumenter = loader == null ? bootstrap
                    : programFor(loader).cover(loader, protectionDomain);
            if (!instrumenter.isAnalysed(className) && !Instrumenter.mayNeedInstrumenting(classfileBuffer)) {
                // Most library classes never mention tinyio: they cost one scan and no parsing.
                return null;
            }
            OptionalInt instrumentedFor = ContractVersion.of(classfileBuffer);
            if (instrumentedFor.isPresent()) {
                // Instrumented at build time: never again, whatever version, since the compiler's form is gone.
                if (instrumentedFor.getAsInt() != ContractVersion.CURRENT) {
                    LOG.log(Level.WARNING, otherVersion(className, instrumentedFor.getAsInt()));
                }
                return null;
            }
            byte[] result = instrumenter.instrument(classfileBuffer);
            if (result != null) {
                // The rewritten class calls the runtime: its module must read the runtime's before it links.
                runtimeReads.grant(module);
            }
            if (result != null && options.verbose()) {
                LOG.log(Level.INFO, "tinyio instrumented " + className);
            }
            if (result != null && options.dump() != null) {
                ClassDump.write(options.dump(), className, result);
            }
            return result;
        } catch (RuntimeException | LinkageError e) {
            // Report this, as the exception is ignored by the JVM:
            LOG.log(Level.WARNING, "tinyio could not instrument " + className.replace('/', '.')
                    + "; it loads uninstrumented, and suspending through it will throw NotInstrumentedError.", e);
            if (options.failFast()) {
                // The JVM would ignore a thrown exception and load the class anyway: stop here instead.
                System.err.println("tinyio agent (failfast): could not instrument " + className + ": " + e);
                e.printStackTrace();
                Runtime.getRuntime().halt(FAIL_FAST_STATUS);
            }
            return null;
        }
    }

    /** The warning about a class instrumented at build time for another contract version than this agent's. */
    private static String otherVersion(String className, int version) {
        return "tinyio: " + className.replace('/', '.') + " was instrumented for version " + version + " of the "
                + "contract between instrumented code and tinyio's runtime, but this agent implements version "
                + ContractVersion.CURRENT + ". It loads as it is, and " + (version == 0 ? "since it records no "
                + "version the runtime cannot refuse it: it may fail later, on a member the runtime no longer has"
                : "a runtime of version " + ContractVersion.CURRENT + " refuses it at its first use") + ". Build "
                + "its module again with " + ContractVersion.plugin() + " (mvn clean verify).";
    }

    private LoaderProgram programFor(ClassLoader loader) {
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new LoaderProgram(new Instrumenter(ClassSource.of(l))));
        }
    }

    /**
     * The instrumenter of one class loader, and which of the folders and jars it loads from have been analysed.
     * Every folder and jar a loader names is analysed at its first class, so that classes of one folder that call
     * or implement those of another are seen together before either is instrumented: the system class loader's
     * class path and module path, a {@link URLClassLoader}'s URLs; for any other loader, each folder as its first
     * class comes.
     */
    private final class LoaderProgram {
        private final Instrumenter instrumenter;
        private boolean rootsPending = true;
        private final Set<Path> analysed = new HashSet<>();
        /** The protection domains already looked at: each folder or jar has one. */
        private final Map<ProtectionDomain, Boolean> seen = new WeakHashMap<>();

        LoaderProgram(Instrumenter instrumenter) {
            this.instrumenter = instrumenter;
        }

        /** Analyses the folder or jar a class comes from, if it is the application's and is new. */
        synchronized Instrumenter cover(ClassLoader loader, ProtectionDomain domain) {
            if (domain == null || seen.put(domain, Boolean.TRUE) != null) {
                return instrumenter;
            }
            List<Path> roots = new ArrayList<>();
            if (rootsPending) {
                rootsPending = false;
                roots.addAll(rootsOf(loader));
            }
            CodeSource source = domain.getCodeSource();
            Path root = source == null ? null : ApplicationClasses.pathOf(source.getLocation());
            if (root != null) {
                roots.add(root);
            }
            List<Path> fresh = new ArrayList<>();
            for (Path candidate : roots) {
                if (application.covers(candidate) && analysed.add(candidate)) {
                    fresh.add(candidate);
                }
            }
            if (!fresh.isEmpty()) {
                analyse(fresh);
            }
            return instrumenter;
        }

        private List<Path> rootsOf(ClassLoader loader) {
            if (loader == ClassLoader.getSystemClassLoader()) {
                return ApplicationClasses.systemClassPath();
            }
            List<Path> roots = new ArrayList<>();
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    Path root = ApplicationClasses.pathOf(url);
                    if (root != null) {
                        roots.add(root);
                    }
                }
            }
            return roots;
        }

        /** All the roots at once: a class of one may call, extend or implement a class of another. */
        private void analyse(List<Path> roots) {
            long start = System.nanoTime();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (Path root : roots) {
                application.read(root).forEach((path, bytes) -> classes.putIfAbsent(root + "!/" + path, bytes));
            }
            instrumenter.analyse(classes).forEach((path, e) -> LOG.log(Level.WARNING, "tinyio cannot read "
                    + path + "; it is left out of the analysis of which methods suspend", e));
            if (options.verbose()) {
                LOG.log(Level.INFO, "tinyio analysed " + classes.size() + " classes in " + roots + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms; " + instrumenter.summary());
            }
        }
    }
}
