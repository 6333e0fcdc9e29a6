/**
 * Attaches the tinyio agent to the test JVM when the JUnit Platform opens its launcher session, before the test
 * classes load, so that tests run instrumented with nothing to configure. {@code -javaagent} and the Maven plugin
 * remain the primary ways to instrument; this is the convenience for running tests.
 */
package dev.tinyio.junit;
