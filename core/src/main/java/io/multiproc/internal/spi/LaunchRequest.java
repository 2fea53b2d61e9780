package io.multiproc.internal.spi;

import io.multiproc.Process;

/**
 * INTERNAL API. What a start method needs to start one process.
 *
 * @param process the process object (the thread method runs it as it is)
 * @param payload the process object as bytes, already encoded by start()
 * @param name the process name, for messages
 * @param daemon whether the process ends with its parent
 */
public record LaunchRequest(Process process, byte[] payload, String name, boolean daemon) {}
