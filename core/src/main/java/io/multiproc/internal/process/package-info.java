/**
 * INTERNAL API. Each JVM's processes (processes layer, over the shared objects and under the
 * API): which Process each thread runs in and what a child knows of its parent (Processes), the
 * children each process started and how they are finished at its exit (Children), the "thread"
 * start method that runs a process in this JVM (ThreadStartMethod), the API's bridge that lets
 * start methods run a Process (ProcessAccess), the registry a child says Hello to (Registry), and
 * what this layer adds to the runtime's boot: Artery's TLS and the registry actor (ProcessBoot,
 * the runtime's RuntimeHooks).
 */
package io.multiproc.internal.process;
