/**
 * INTERNAL API. What every transport shares and no protocol owns (transports layer): the table of
 * {@link io.multiproc.internal.transport.Receiver}s by path that lanes and Artery deliver to, the
 * {@link io.multiproc.internal.transport.Peer} that sent a message (whose end each receiver hears
 * of once), the handlers of {@link io.multiproc.internal.transport.Strays} (pushes, late answers),
 * and the {@link io.multiproc.internal.transport.Gateway}, the one Artery recipient per JVM that
 * keeps what one JVM sends to another's objects in order. Uses wire and the runtime; used by the
 * lane transport and by the objects' protocols.
 */
package io.multiproc.internal.transport;
