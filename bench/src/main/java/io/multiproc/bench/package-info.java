/**
 * The side-by-side benchmark against CPython's multiprocessing: same run, same machine, ratios.
 */
package io.multiproc.bench;
