package dev.tinyio.instrument.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the calls of a method that may suspend and lays out what is alive at each. Types come from the class
 * file's own stack map frames, replayed instruction by instruction, so no class is loaded and no type merged.
 */
final class SiteFinder {
    private SiteFinder() {
    }

    /**
     * The suspension sites of a method, in code order.
     *
     * @param owner the class's internal name
     * @param method the method, read with expanded frames
     * @param suspends which calls may suspend
     * @return the sites; empty if it makes no call that may suspend
     */
    static List<SiteLayout> find(String owner, MethodNode method, Predicate<MethodInsnNode> suspends) {
        String where = owner.replace('/', '.') + "." + method.name + method.desc;
        AnalyzerAdapter types = new AnalyzerAdapter(owner, method.access, method.name, method.desc, null);
        List<SiteLayout> sites = new ArrayList<>();
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call && types.locals != null && suspends.test(call)) {
                sites.add(SiteLayout.of(call, sites.size(), line, new ArrayList<>(types.locals),
                        new ArrayList<>(types.stack), where));
            }
            insn.accept(types);
        }
        return sites;
    }
}
