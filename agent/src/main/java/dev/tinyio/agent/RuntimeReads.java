package dev.tinyio.agent;

import dev.tinyio.instrument.InstrumentationException;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Makes a named module read the runtime's module once the agent has rewritten one of its classes. Rewritten code
 * calls {@code dev.tinyio.internal}, and the JVM refuses such a call from a module that does not read the module
 * it goes to ({@code IllegalAccessError}). A module that names tinyio requires {@code dev.tinyio} already; a
 * library module that the analysis found suspending (a helper calling back through an interface) does not. The edge
 * is added as the class is transformed, before it is defined: the JVM keeps a failed resolution for good, so an
 * edge added once the class has run would not help it.
 *
 * <p>Only a runtime that is a named module needs the edge. A runtime on the class path is in the unnamed module of
 * the application class loader, which the JVM itself lets every module read once an agent has transformed one of
 * its classes.
 */
final class RuntimeReads {
    /** The runtime's module, as its {@code module-info} names it. */
    static final String RUNTIME_MODULE = "dev.tinyio";

    private final Instrumentation instrumentation;

    RuntimeReads(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * Lets the module of a class the agent rewrote read the runtime's module, if it is a named module that does
     * not yet. The runtime is looked for in the module's layer and its parents, without loading a class.
     *
     * @param module the module of the rewritten class
     * @throws InstrumentationException if the module cannot be made to read it; the class must then load as it was
     */
    void grant(Module module) {
        if (module == null || !module.isNamed() || module.getLayer() == null) {
            // An unnamed module reads every module; a named one outside any layer is the JDK's own (a proxy's).
            return;
        }
        Module runtime = module.getLayer().findModule(RUNTIME_MODULE).orElse(null);
        if (runtime == null || module.canRead(runtime)) {
            return;
        }
        try {
            instrumentation.redefineModule(module, Set.of(runtime), Map.of(), Map.of(), Set.of(), Map.of());
        } catch (RuntimeException e) {
            throw new InstrumentationException("tinyio cannot let module " + module.getName() + " read module "
                    + RUNTIME_MODULE + ", which its instrumented classes call: add 'requires " + RUNTIME_MODULE
                    + ";' to its module-info.java, or run with --add-reads " + module.getName() + "="
                    + RUNTIME_MODULE, e);
        }
    }
}
