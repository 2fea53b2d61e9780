package io.multiproc.spi;

/**
 * What a {@link StartMethod} needs to start one process.
 *
 * @param payload the process object as bytes, already encoded by start(); every method runs a
 *     process decoded from these
 * @param name the process name, for messages
 * @param daemon whether the process ends with its parent
 */
public record LaunchRequest(byte[] payload, String name, boolean daemon) {}
