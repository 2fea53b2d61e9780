/**
 * The start-method service provider interface: how a process of multiproc gets started, CPython's
 * {@code context} and {@code popen_*} seam. A module that starts processes in a new way (say, on
 * the machines of a cluster) implements {@link io.multiproc.spi.StartMethod} and names it in
 * {@code META-INF/services/io.multiproc.spi.StartMethod}; it needs nothing of multiproc's internal
 * packages. {@code multiproc-core} brings {@code thread}; {@code multiproc-remote} brings
 * {@code spawn} and {@code forkserver}.
 *
 * <p>A launched process receives the {@link io.multiproc.spi.LaunchRequest#payload() payload}
 * (the process object, already encoded) and runs it; the {@link io.multiproc.spi.Popen} it returns
 * is how {@link io.multiproc.Process} sees it from then on (pid, exit code, terminate, kill).
 */
package io.multiproc.spi;
