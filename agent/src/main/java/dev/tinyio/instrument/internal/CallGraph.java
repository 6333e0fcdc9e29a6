package dev.tinyio.instrument.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls between the methods and lambdas that {@link SuspendableIndex} analyses, and the fixed point over them of
 * which may suspend. Marking a node as suspending marks, in turn, its static and special callers, and the virtual
 * and interface callers that an object of the node's class or of a class below it may receive (class hierarchy
 * analysis); a lambda that may suspend does the same for the callers of its functional interface's method.
 */
final class CallGraph {
    /** A method, or the method of a lambda, in the graph of calls. */
    static final class Node {
        /** The class declaring the method, or making the lambda. */
        final String owner;
        /** The method's name and descriptor; {@code null} for a lambda. */
        final String key;
        /** The lambda, or {@code null} for a method. */
        final ClassFacts.Lambda lambda;
        /** Why it may suspend, or {@code null} while not known to. */
        SuspendReason reason;

        /** A node, either a method (with a key) or a lambda. */
        private Node(String owner, String key, ClassFacts.Lambda lambda) {
            this.owner = owner;
            this.key = key;
            this.lambda = lambda;
        }
    }

    /** A call, and the node that makes it. */
    private record Caller(Node node, ClassFacts.Call call) {
    }

    /** The class hierarchy, for the subtype checks of every call and receiver. */
    private final ClassHeaders headers;
    /** Virtual and interface calls, by the called method's name and parameters (any return type overrides). */
    private final Map<String, List<Caller>> dispatchedCalls = new HashMap<>();
    /** Static and special calls, by the called method's name and descriptor. */
    private final Map<String, List<Caller>> directCalls = new HashMap<>();
    /** The owners of the methods known to suspend, by name and descriptor. */
    private final Map<String, Set<String>> suspendingOwners = new HashMap<>();
    /**
     * The types whose objects may suspend when a method of a given name and parameters is called on them, with
     * the reason a caller gets; a class with such a method stands for its subclasses too.
     */
    private final Map<String, Map<String, SuspendReason>> receivers = new HashMap<>();
    /** For each class that stands as a receiver, the names and parameters it stands for. */
    private final Map<String, Set<String>> receivingIn = new HashMap<>();
    /** The known classes below each non-platform type, directly or not. */
    private final Map<String, Set<String>> descendants = new HashMap<>();
    /** The nodes marked as suspending whose callers are not marked yet. */
    private final Deque<Node> newlySuspending = new ArrayDeque<>();
    /** One instance of each name used as a key, so that a large program does not hold many copies. */
    private final Map<String, String> canonical = new HashMap<>();

    /** A graph with no nodes, over a class hierarchy. */
    CallGraph(ClassHeaders headers) {
        this.headers = headers;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Building the graph
    // -----------------------------------------------------------------------------------------------------------

    /** A new node for a method of a class, by its name and descriptor. */
    Node method(String owner, String nameAndDescriptor) {
        return new Node(owner, key(nameAndDescriptor), null);
    }

    /** A new node for a lambda or method reference that a class makes. */
    Node lambda(String owner, ClassFacts.Lambda lambda) {
        return new Node(owner, null, lambda);
    }

    /** Adds a call that a node makes, and marks the node at once if what the call reaches is known to suspend. */
    void addCall(Node node, ClassFacts.Call call) {
        Caller caller = new Caller(node, call);
        if (Calls.isDispatched(call.opcode())) {
            String nameAndParameters = nameAndParameters(call.name() + call.desc());
            dispatchedCalls.computeIfAbsent(nameAndParameters, k -> new ArrayList<>()).add(caller);
            SuspendReason reason = receiverOf(nameAndParameters, call.owner());
            if (reason != null) {
                suspend(node, reason);
            }
        } else {
            String key = key(call.name() + call.desc());
            directCalls.computeIfAbsent(key, k -> new ArrayList<>()).add(caller);
            if (resolvesToSuspending(call.owner(), key)) {
                suspend(node, SuspendReason.CALLS);
            }
        }
    }

    /** Links a class below one of its supertypes, and lets it stand for what the supertype receives by suspending. */
    void placeBelow(String ancestor, String name) {
        descendants.computeIfAbsent(ancestor, a -> new HashSet<>()).add(name);
        for (String nameAndParameters : List.copyOf(receivingIn.getOrDefault(ancestor, Set.of()))) {
            standFor(name, nameAndParameters);
        }
    }

    /**
     * A class whose file cannot be found may have methods that suspend: its callers are treated as if they did,
     * never as if they could not (a class, once loaded, cannot get the methods a suspension needs).
     */
    void suspendCallersOf(String missing) {
        for (Map<String, List<Caller>> calls : List.of(directCalls, dispatchedCalls)) {
            for (List<Caller> callers : calls.values()) {
                for (Caller caller : callers) {
                    if (caller.call().owner().equals(missing)) {
                        suspend(caller.node(), SuspendReason.UNKNOWN);
                    }
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The fixed point
    // -----------------------------------------------------------------------------------------------------------

    /** Marks a node as suspending, for the reason found first; its callers are marked as the graph settles. */
    void suspend(Node node, SuspendReason reason) {
        if (node.reason == null) {
            node.reason = reason;
            newlySuspending.add(node);
        }
    }

    /**
     * Marks the callers of the next node newly known to suspend, as one step towards the fixed point.
     *
     * @return false if there was none: the graph is settled
     */
    boolean propagateNext() {
        if (newlySuspending.isEmpty()) {
            return false;
        }
        propagate(newlySuspending.pop());
        return true;
    }

    /** Marks the callers of one node that suspends, and lets its class and those below stand as receivers. */
    private void propagate(Node node) {
        if (node.lambda != null) {
            for (String itf : node.lambda.interfaces()) {
                for (String desc : node.lambda.samDescs()) {
                    receive(itf, nameAndParameters(node.lambda.samName() + desc), SuspendReason.LAMBDA);
                }
            }
            return;
        }
        suspendingOwners.computeIfAbsent(node.key, k -> new HashSet<>()).add(node.owner);
        for (Caller caller : directCalls.getOrDefault(node.key, List.of())) {
            if (headers.isSubtype(caller.call().owner(), node.owner)) {
                suspend(caller.node(), SuspendReason.CALLS);
            }
        }
        String nameAndParameters = nameAndParameters(node.key);
        standFor(node.owner, nameAndParameters);
        for (String below : List.copyOf(descendants.getOrDefault(node.owner, Set.of()))) {
            standFor(below, nameAndParameters);
        }
    }

    /** A class whose instances may suspend when this method is called on them. */
    private void standFor(String type, String nameAndParameters) {
        if (receivingIn.computeIfAbsent(type, t -> new HashSet<>()).add(nameAndParameters)) {
            receive(type, nameAndParameters, SuspendReason.DISPATCH);
        }
    }

    /** Records a type as a receiver that may suspend, and marks the dispatched calls it may receive. */
    private void receive(String type, String nameAndParameters, SuspendReason reason) {
        if (receivers.computeIfAbsent(nameAndParameters, k -> new HashMap<>()).putIfAbsent(type, reason) != null) {
            return;
        }
        for (Caller caller : dispatchedCalls.getOrDefault(nameAndParameters, List.of())) {
            if (headers.isSubtype(type, caller.call().owner())) {
                suspend(caller.node(), reason);
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Answers
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Whether a call may reach a method known to suspend: for a dispatched call, on an object of a known class.
     *
     * @param opcode the call's opcode
     * @param owner the class the call names
     * @param nameAndDescriptor the called method's name and descriptor
     * @return true if the call may suspend, as far as the graph is settled
     */
    boolean suspends(int opcode, String owner, String nameAndDescriptor) {
        if (Calls.isDispatched(opcode)) {
            return receiverOf(nameAndParameters(nameAndDescriptor), owner) != null;
        }
        return resolvesToSuspending(owner, nameAndDescriptor);
    }

    /** Why an object that a dispatched call on {@code owner} may reach may suspend, or {@code null}. */
    private SuspendReason receiverOf(String nameAndParameters, String owner) {
        Map<String, SuspendReason> types = receivers.get(nameAndParameters);
        if (types != null) {
            for (Map.Entry<String, SuspendReason> type : types.entrySet()) {
                if (headers.isSubtype(type.getKey(), owner)) {
                    return type.getValue();
                }
            }
        }
        return null;
    }

    /** Whether a static or special call on {@code owner} reaches a method known to suspend, declared or inherited. */
    private boolean resolvesToSuspending(String owner, String key) {
        for (String declaring : suspendingOwners.getOrDefault(key, Set.of())) {
            if (headers.isSubtype(owner, declaring)) {
                return true;
            }
        }
        return false;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Names
    // -----------------------------------------------------------------------------------------------------------

    /** The one instance of a name kept as a key. */
    private String key(String key) {
        return canonical.computeIfAbsent(key, k -> k);
    }

    /**
     * A method's name and parameters, from its name and descriptor, without the return type: an override may
     * narrow the return type.
     */
    private String nameAndParameters(String nameAndDescriptor) {
        return key(nameAndDescriptor.substring(0, nameAndDescriptor.indexOf(')') + 1));
    }
}
