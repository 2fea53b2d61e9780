/**
 * INTERNAL API. Lanes (transports layer): authenticated Unix-domain or TCP sockets between two JVMs of one machine, carrying frames for paths and answers by id; they deliver to the receivers of io.multiproc.internal.transport and know no protocol.
 */
package io.multiproc.internal.lane;
