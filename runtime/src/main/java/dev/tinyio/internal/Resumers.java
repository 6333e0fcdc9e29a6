package dev.tinyio.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReference;

/** The resumer of each instrumented class, spun around its dispatch method when its first site is resolved. */
final class Resumers {
    /** One resumer per instrumented class, made on first use; a ClassValue does not pin class loaders. */
    private static final ClassValue<AtomicReference<Resumer>> RESUMERS = new ClassValue<>() {
        @Override
        protected AtomicReference<Resumer> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private Resumers() {
    }

    /**
     * The resumer of the class a lookup belongs to.
     *
     * @param lookup a full-privilege lookup of an instrumented class
     * @return the resumer, the same for every site of the class
     * @throws ReflectiveOperationException if the class has no dispatch method (it was not instrumented whole)
     */
    static Resumer of(MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        AtomicReference<Resumer> cached = RESUMERS.get(lookup.lookupClass());
        Resumer resumer = cached.get();
        if (resumer == null) {
            cached.compareAndSet(null, spin(lookup));
            resumer = cached.get();
        }
        return resumer;
    }

    private static Resumer spin(MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        // The dispatch method's type as the contract writes it, resolved where the runtime's classes are.
        MethodType dispatchType = MethodType.fromMethodDescriptorString(Contract.DISPATCH_DESCRIPTOR,
                Resumers.class.getClassLoader());
        MethodHandle dispatch = lookup.findStatic(lookup.lookupClass(), Contract.DISPATCH_NAME, dispatchType);
        try {
            CallSite site = LambdaMetafactory.metafactory(lookup, "resume", MethodType.methodType(Resumer.class),
                    dispatchType.erase(), dispatch, dispatchType);
            return (Resumer) site.getTarget().invokeExact();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot make the resumer of " + lookup.lookupClass().getName(), t);
        }
    }
}
