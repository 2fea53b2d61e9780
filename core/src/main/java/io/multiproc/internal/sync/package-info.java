/**
 * INTERNAL API. The synchronisation primitives' protocols (objects layer): one actor each (Lock, permits, Event, Condition, Barrier, Value), the leased lock of each JVM, and the handle's way to its actor (SharedRef, over its Route).
 */
package io.multiproc.internal.sync;
