package dev.tinyio.internal;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Which method a lambda proxy, an object of a hidden class the lambda metafactory spun, calls. */
final class Proxies {
    /** The nest host of each proxy class asked about: looked up once per class, not on every suspension. */
    private static final ClassValue<Class<?>> NEST_HOSTS = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            return type.getNestHost();
        }
    };

    private Proxies() {
    }

    /**
     * Whether a lambda proxy enters a method directly, with no frame between them. The instrumenter points every
     * lambda and method reference at a method of the class that makes it, so a proxy of that class's nest enters
     * such a method; a serializable one keeps its target, which its serialized form names.
     *
     * @param proxy the object
     * @param method an instrumented method
     * @param interfaceMethod the name of the interface method called on the proxy, or {@code null} for a
     *     coroutine's body
     * @return true if the proxy calls the method itself
     */
    static boolean enters(Object proxy, MethodInfo method, String interfaceMethod) {
        Class<?> type = proxy.getClass();
        if (!type.isHidden()) {
            return false;
        }
        boolean entry = interfaceMethod == null ? method.isBody() : method.isEnteredFor(interfaceMethod);
        if (entry && method.entryNest == NEST_HOSTS.get(type)) {
            return true;
        }
        return proxy instanceof Serializable && serializedTarget(proxy, method);
    }

    /** Whether a serializable lambda's serialized form names the method as its implementation. */
    private static boolean serializedTarget(Object proxy, MethodInfo method) {
        try {
            Method writeReplace = proxy.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(proxy) instanceof SerializedLambda lambda) {
                return lambda.getImplClass().equals(method.owner.getName().replace('.', '/'))
                        && lambda.getImplMethodName().equals(method.name)
                        && lambda.getImplMethodSignature().equals(method.descriptor);
            }
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A proxy whose serialized form cannot be had here: its target stays unknown.
            return false;
        }
    }
}
