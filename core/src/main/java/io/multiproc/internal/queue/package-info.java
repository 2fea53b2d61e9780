/**
 * INTERNAL API. The queue and pipe-end protocol (objects layer): the state in the creating JVM (QueueState) as a lane receiver, the client a handle uses (QueueClient, over its Route), the actor that names it, the compact codec of its hot messages (QueueCodec).
 */
package io.multiproc.internal.queue;
