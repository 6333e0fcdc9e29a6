/**
 * The demo program: {@code mvn -q -DskipTests -Pdemo verify} runs {@link dev.tinyio.demo.Demo} under the agent and
 * prints a timeline of what ran when.
 */
package dev.tinyio.demo;
