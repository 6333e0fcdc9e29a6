package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.internal.CallGraph.Node;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes {@link SuspendableIndex} reads for their methods: each method and lambda as a node of the
 * {@link CallGraph}, with the calls it makes, and what those nodes tell of the class once the graph is settled.
 */
final class AnalysedClasses {
    /** The classes named, which the callees of every call are required from. */
    private final KnownClasses known;
    /** The class hierarchy, which tells the interfaces that extend a coroutine body's. */
    private final ClassHeaders headers;
    /** The graph the nodes are added to. */
    private final CallGraph graph;
    /** The methods of each analysed or recorded class, by name and descriptor. */
    private final Map<String, Map<String, Node>> methods = new HashMap<>();
    /** The lambdas and method references each analysed or recorded class makes. */
    private final Map<String, List<Node>> lambdas = new HashMap<>();
    /** The classes that make coroutines, or their bodies from lambdas or method references: the coroutines get names. */
    private final Set<String> makesBodies = new HashSet<>();

    /** No classes yet, adding to a graph over a hierarchy. */
    AnalysedClasses(KnownClasses known, ClassHeaders headers, CallGraph graph) {
        this.known = known;
        this.headers = headers;
        this.graph = graph;
    }

    /**
     * Adds a class's methods, and the lambdas and method references they make.
     *
     * @param facts the class
     * @param recorded for a class an earlier build instrumented, the methods it recorded as suspending, which stand
     *     for the calls it makes; {@code null} for a class analysed by its calls
     */
    void add(ClassFacts facts, Set<String> recorded) {
        Map<String, Node> own = new HashMap<>();
        methods.put(facts.name, own);
        for (ClassFacts.Method method : facts.methods) {
            Node node = graph.method(facts.name, method.name() + method.desc());
            own.put(node.key, node);
            if (method.annotated()) {
                graph.suspend(node, SuspendReason.ANNOTATED);
            }
            if (recorded != null) {
                // Its yields were rewritten: the record, not its calls, says where it suspends.
                if (recorded.contains(node.key)) {
                    graph.suspend(node, SuspendReason.RECORDED);
                }
            } else {
                for (ClassFacts.Call call : method.calls()) {
                    if (CoroutineNames.makesUnnamed(call.opcode(), call.owner(), call.name(), call.desc())) {
                        makesBodies.add(facts.name);
                    }
                    register(node, call);
                }
            }
            for (ClassFacts.Lambda lambda : method.lambdas()) {
                addLambda(facts.name, lambda);
            }
        }
    }

    /** Adds a lambda or method reference that a class makes, with the call its method makes. */
    private void addLambda(String owner, ClassFacts.Lambda lambda) {
        Node made = graph.lambda(owner, lambda);
        lambdas.computeIfAbsent(owner, k -> new ArrayList<>()).add(made);
        if (headers.bodyType(lambda.interfaces().get(0)) != null) {
            makesBodies.add(owner);
        }
        register(made, lambda.target());
    }

    /** Adds a call that a node makes: a yield suspends it, and a call into a class that cannot be found may. */
    private void register(Node node, ClassFacts.Call call) {
        if (Calls.isYield(call.opcode(), call.owner(), call.name())) {
            graph.suspend(node, SuspendReason.YIELDS);
            return;
        }
        if (call.name().startsWith("<") || Packages.neverSuspends(call.owner()) && !Calls.isDispatched(call.opcode())) {
            // Constructors are never suspension sites, and the platform's and the library's methods never suspend.
            return;
        }
        known.require(call.owner());
        if (known.kindOf(call.owner()) == KnownClasses.Kind.MISSING) {
            graph.suspend(node, SuspendReason.UNKNOWN);
            return;
        }
        graph.addCall(node, call);
    }

    /**
     * The methods of a class that may suspend, as far as the graph is settled.
     *
     * @param internalName the class
     * @return each as name followed by descriptor; empty for a class not added
     */
    Set<String> suspendableMethods(String internalName) {
        Set<String> result = new TreeSet<>();
        methods.getOrDefault(internalName, Map.of()).forEach((key, node) -> {
            if (node.reason != null) {
                result.add(key);
            }
        });
        return result;
    }

    /**
     * Whether instrumenting a class may change it: see {@link SuspendableIndex#mayNeedRewriting}.
     *
     * @param internalName the class
     * @return false if the class certainly stays as it is
     */
    boolean mayNeedRewriting(String internalName) {
        if (makesBodies.contains(internalName)) {
            return true;
        }
        for (Node lambda : lambdas.getOrDefault(internalName, List.of())) {
            if (lambda.reason != null) {
                return true;
            }
        }
        for (Node method : methods.getOrDefault(internalName, Map.of()).values()) {
            if (method.reason != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many methods of the program may suspend, by the reason found first.
     *
     * @return the counts, over program classes only
     */
    Map<SuspendReason, Integer> programCounts() {
        Map<SuspendReason, Integer> counts = new EnumMap<>(SuspendReason.class);
        methods.forEach((owner, own) -> {
            if (known.inProgram(owner)) {
                for (Node node : own.values()) {
                    if (node.reason != null) {
                        counts.merge(node.reason, 1, Integer::sum);
                    }
                }
            }
        });
        return counts;
    }
}
