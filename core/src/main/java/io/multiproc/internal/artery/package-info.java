/**
 * INTERNAL API. Artery over TLS keyed by the authkey: no byte from a peer that has not proven the authkey reaches a decoder (transports layer).
 */
package io.multiproc.internal.artery;
