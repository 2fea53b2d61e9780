/**
 * INTERNAL API. The synchronisation primitives' protocols (objects layer): a state each, called
 * where each request comes in ({@link io.multiproc.internal.sync.SyncState}: permits, Lock,
 * Event, Condition, Barrier, Value), the leased lock of each JVM, and the handle's way to its
 * state (SharedRef, over its Route).
 */
package io.multiproc.internal.sync;
