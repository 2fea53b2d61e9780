/**
 * INTERNAL API. The synchronisation primitives' protocols (objects layer): a state each, called
 * where each request comes in ({@link io.multiproc.internal.sync.SyncState}: permits, Event,
 * Condition, Barrier, Value), the Lock's actor and the leased lock of each JVM, and the handle's
 * way to its state or actor (SharedRef, over its Route).
 */
package io.multiproc.internal.sync;
