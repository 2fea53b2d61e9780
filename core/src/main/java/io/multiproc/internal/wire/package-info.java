/**
 * INTERNAL API. Wire (above the runtime): the forms of protocol messages (Codec, one per protocol, found through META-INF/services), the authkey tag over Artery, and the pluggable payload reducer.
 */
package io.multiproc.internal.wire;
