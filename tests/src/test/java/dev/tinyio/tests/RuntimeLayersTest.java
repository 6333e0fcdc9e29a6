package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's architecture, as docs/architecture.md draws it, checked on its compiled classes the way {@code
 * jdeps -verbose:class -filter:none} reads them, nested classes counted as their top-level class: each layer uses
 * only the layers below it, and no class is in a dependency cycle. And the sizes that keep the code readable: no
 * main-code file over 300 lines in the runtime and the agent.
 */
class RuntimeLayersTest {
    /** The layers, bottom up; the public package holds the faces of several, named class by class. */
    private static final List<String> LAYERS = List.of("vocabulary", "frame store", "core loop", "batteries", "face");
    private static final Map<String, String> PUBLIC_CLASSES = Map.ofEntries(
            Map.entry("Coro", "vocabulary"), Map.entry("Result", "vocabulary"), Map.entry("GroupMode", "vocabulary"),
            Map.entry("CancelledError", "vocabulary"), Map.entry("TimeoutError", "vocabulary"),
            Map.entry("NotInstrumentedError", "vocabulary"), Map.entry("ExceptionGroup", "vocabulary"),
            Map.entry("ThrowingFunction", "vocabulary"), Map.entry("Suspendable", "vocabulary"),
            Map.entry("Permit", "vocabulary"),
            Map.entry("Event", "batteries"), Map.entry("Semaphore", "batteries"), Map.entry("Lock", "batteries"),
            Map.entry("Barrier", "batteries"), Map.entry("ThreadPool", "batteries"),
            Map.entry("Loop", "face"), Map.entry("Tinyio", "face"), Map.entry("TraceRecorder", "face"),
            Map.entry("TestClock", "face"),
            Map.entry("LoopFuture", "face"));
    private static final Map<String, String> PACKAGES = Map.of(
            "dev.tinyio.internal.vocabulary", "vocabulary",
            "dev.tinyio.internal", "frame store",
            "dev.tinyio.internal.loop", "core loop",
            "dev.tinyio.internal.batteries", "batteries");
    /** A line of jdeps's class-level output: a class, an arrow, the class it uses, and where that is. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+.*$");

    /** Who uses whom among the runtime's top-level classes. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readTheCompiledRuntime() throws Exception {
        Path runtime = Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                runtime.toString());
        assertEquals(0, status, out.toString());
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches() && edge.group(1).startsWith("dev.tinyio.") && edge.group(2).startsWith("dev.tinyio.")) {
                String user = topLevel(edge.group(1));
                String used = topLevel(edge.group(2));
                USES.computeIfAbsent(user, c -> new TreeSet<>());
                USES.computeIfAbsent(used, c -> new TreeSet<>());
                if (!user.equals(used)) {
                    USES.get(user).add(used);
                }
            }
        }
        assertTrue(USES.size() > 50, "jdeps found too few classes to check: " + USES.keySet());
    }

    @Test
    void each_layer_uses_only_the_layers_below_it() {
        List<String> upward = new ArrayList<>();
        USES.forEach((user, used) -> {
            for (String each : used) {
                if (LAYERS.indexOf(layerOf(each)) > LAYERS.indexOf(layerOf(user))) {
                    upward.add(user + " (" + layerOf(user) + ") -> " + each + " (" + layerOf(each) + ")");
                }
            }
        });
        assertEquals(List.of(), upward);
    }

    @Test
    void no_class_is_in_a_dependency_cycle() {
        assertEquals(List.of(), new Cycles(USES).find());
    }

    /** The check above finds what it looks for: a cycle through three classes, beside a class outside it. */
    @Test
    void the_cycle_check_finds_a_cycle() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c", "d"),
                "c", Set.of("a"), "d", Set.of()));
        assertEquals(List.of(Set.of("a", "b", "c")), new Cycles(uses).find());
    }

    @Test
    void no_main_code_file_is_over_300_lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        for (String module : List.of("../runtime", "../agent")) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    long lines;
                    try (Stream<String> text = Files.lines(file)) {
                        lines = text.count();
                    }
                    if (lines > 300) {
                        tooLong.put(file.toString(), lines);
                    }
                }
            }
        }
        assertEquals(Map.of(), tooLong);
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static String layerOf(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        String simple = className.substring(pkg.length() + 1);
        String layer = pkg.equals("dev.tinyio") ? PUBLIC_CLASSES.get(simple) : PACKAGES.get(pkg);
        if (layer == null) {
            throw new AssertionError(className + " belongs to no layer: name its layer in this test and in "
                    + "docs/architecture.md");
        }
        return layer;
    }

    /** The strongly connected components of more than one class, by Tarjan's algorithm, without recursion. */
    private static final class Cycles {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Cycles(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> find() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return found;
        }

        /** A class being visited, and the classes it uses that are still to be followed. */
        private record Visit(String node, Iterator<String> next) {
        }

        private void visit(String start) {
            Deque<Visit> work = new ArrayDeque<>();
            work.push(enter(start));
            while (!work.isEmpty()) {
                Visit top = work.peek();
                String node = top.node();
                if (top.next().hasNext()) {
                    String used = top.next().next();
                    if (!index.containsKey(used)) {
                        work.push(enter(used));
                    } else if (onStack.contains(used)) {
                        low.put(node, Math.min(low.get(node), index.get(used)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String caller = work.peek().node();
                    low.put(caller, Math.min(low.get(caller), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        found.add(component);
                    }
                }
            }
        }

        private Visit enter(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            return new Visit(node, edges.get(node).iterator());
        }
    }
}
