/**
 * The Java agent: a thin adapter of {@link java.lang.instrument} around the instrumentation core. It skips every
 * class that never mentions the library after one byte scan, instruments the rest as they load, and reports
 * failures through {@code System.Logger}, since the JVM ignores a transformer's exceptions.
 */
package dev.tinyio.agent;
