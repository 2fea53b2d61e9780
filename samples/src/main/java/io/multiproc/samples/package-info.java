/**
 * Every example of the source tutorials as a runnable main, printing what its Python source prints.
 */
package io.multiproc.samples;
