package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.MethodNode;

/**
 * The dynamic constants that describe the suspension sites of one method to the runtime, each loaded as a
 * {@code SiteInfo} where its site saves a frame: the method, the size of its frames, the site, and the callee whose
 * frame the runtime expects below it.
 */
final class SiteConstants {
    /** The method. */
    private final MethodNode method;
    /** The source file, or an empty string. */
    private final String file;
    /** The method's index among the class's instrumented methods. */
    private final int methodId;
    /** The reference slots a frame of the method needs. */
    private final int refSlots;
    /** The primitive slots a frame of the method needs. */
    private final int primSlots;
    /**
     * The interface methods through which lambda proxies enter this method, as {@code interface.method}
     * separated by commas, or an empty string: the runtime accepts it as the frame below a call of one of them.
     */
    private final String entered;

    /** The constants of a method's sites; its frames are as large as those of its largest site. */
    SiteConstants(MethodNode method, String file, int methodId, List<SiteLayout> sites, String entered) {
        this.method = method;
        this.file = file;
        this.methodId = methodId;
        this.entered = entered;
        int refs = 0;
        int prims = 0;
        for (SiteLayout site : sites) {
            refs = Math.max(refs, site.refSlots);
            prims = Math.max(prims, site.primSlots);
        }
        this.refSlots = refs;
        this.primSlots = prims;
    }

    /**
     * The site's description. Below every site but a yield, the runtime checks that the frame saved is the one the
     * call entered: a frame that was not instrumented would otherwise drop out of the chain unnoticed. Below a
     * static or special call, that is the called method; below a dispatched one, a method of the receiver kept for
     * the check, or a method a lambda proxy of the receiver's class enters for the called interface method.
     */
    ConstantDynamic of(SiteLayout site) {
        boolean check = !Calls.isYield(site.call);
        int calleeKind = !check ? RuntimeNames.CALLEE_UNCHECKED
                : site.call.getOpcode() == INVOKEINTERFACE ? RuntimeNames.CALLEE_THROUGH_INTERFACE
                : site.call.getOpcode() == INVOKEVIRTUAL ? RuntimeNames.CALLEE_VIRTUAL
                : RuntimeNames.CALLEE_DIRECT;
        Handle bootstrap = new Handle(H_INVOKESTATIC, RuntimeNames.SITE, RuntimeNames.SITE_BOOTSTRAP_NAME,
                RuntimeNames.SITE_BOOTSTRAP_DESC, false);
        return new ConstantDynamic("site" + site.index, RuntimeNames.SITE_DESC, bootstrap, method.name, method.desc,
                file, methodId, refSlots, primSlots, site.index, site.line, thisSlot(site),
                check ? site.call.owner : "", check ? site.call.name : "", check ? site.call.desc : "", calleeKind,
                entered);
    }

    /** Where a site saves {@code this}: the reference slot of local 0 in an instance method, or -1. */
    private int thisSlot(SiteLayout site) {
        if ((method.access & ACC_STATIC) != 0) {
            return -1;
        }
        for (SiteLayout.Value value : site.locals) {
            if (value.local() == 0 && value.kind() == SiteLayout.Kind.REF) {
                return value.slot();
            }
        }
        return -1;
    }
}
