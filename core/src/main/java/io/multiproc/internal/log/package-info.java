/**
 * INTERNAL API. Pekko's log, rate-limited so that no peer can make a JVM log without bound (runtime layer).
 */
package io.multiproc.internal.log;
