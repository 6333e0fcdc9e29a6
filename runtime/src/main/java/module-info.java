/**
 * tinyio's runtime: the coroutine API ({@code dev.tinyio}) and the frame store that instrumented code calls
 * ({@code dev.tinyio.internal}, not an API). Its other packages stay inside the module. It needs nothing but
 * {@code java.base}, and logs through {@code System.Logger}.
 *
 * <p>A named module whose classes tinyio instruments reads this one: {@code requires dev.tinyio;} in its
 * declaration, which the Maven plugin checks; the agent adds the read edge itself to modules it instruments.
 */
module dev.tinyio {
    exports dev.tinyio;
    exports dev.tinyio.internal;
}
