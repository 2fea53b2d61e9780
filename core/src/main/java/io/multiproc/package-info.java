/**
 * Python's multiprocessing for Java: one CPython concept per type (Process, Queue, Pipe, Lock, ..., Context, Multiprocessing), the API layer, on top of every other. Its exception types are the vocabulary every layer may use.
 */
package io.multiproc;
