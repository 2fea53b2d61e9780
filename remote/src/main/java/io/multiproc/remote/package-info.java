/**
 * Start methods that launch JVMs (spawn, forkserver) and the child JVM's main; implements the start-method SPI.
 */
package io.multiproc.remote;
