package io.multiproc.remote;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * INTERNAL API. The last line a child JVM writes on stdout and on stderr: its exit code, behind a
 * mark no program prints. The parent's output pump takes the line out of the output; once both
 * streams delivered it, the process has ended for {@code join()}, with everything it printed
 * already printed, while its JVM winds down. A JVM that ends without the line (killed, or
 * {@code System.exit} in user code) is judged by its OS exit status instead.
 */
final class ExitReport {
  private static final byte[] MARK = "\u0000\u0001multiproc-exit:".getBytes(StandardCharsets.UTF_8);

  /** The code that says "judge me by my OS exit status" (a System.exit in user code). */
  static final int OS_STATUS = Integer.MIN_VALUE;

  private ExitReport() {}

  static void write(PrintStream out, int code) {
    synchronized (out) {
      out.flush();
      out.write(MARK, 0, MARK.length);
      out.print(code);
      out.print('\n');
      out.flush();
    }
  }

  /** Where the mark starts in {@code line[0, length)}, or -1. */
  static int find(byte[] line, int length) {
    outer:
    for (int i = 0; i + MARK.length <= length; i++) {
      for (int j = 0; j < MARK.length; j++) {
        if (line[i + j] != MARK[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The exit code written after the mark found at {@code at}. */
  static int code(byte[] line, int at, int length) {
    String digits = new String(Arrays.copyOfRange(line, at + MARK.length, length),
        StandardCharsets.UTF_8).trim();
    return Integer.parseInt(digits);
  }
}
