/**
 * INTERNAL API. The start-method seam (StartMethod, Popen, LaunchRequest) that remote implements; to become the public io.multiproc.spi (runtime layer).
 */
package io.multiproc.internal.spi;
