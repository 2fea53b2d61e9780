package io.multiproc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CPython twin of a scenario: {@code cpython_bench.py}, shipped inside the bench jar and
 * kept at {@code bench/cpython_bench.py}, with the python3 found on the PATH (or the one named by
 * {@code -Dbench.python}).
 */
final class CPython {
  private final String python;
  private final String version;
  private Path script;

  private CPython(String python, String version) {
    this.python = python;
    this.version = version;
  }

  /** The interpreter, or empty with the reason printed by the caller when it cannot be run. */
  static Optional<CPython> find(String python) {
    try {
      java.lang.Process p = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new CPython(python, out));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  String version() {
    return version;
  }

  /**
   * Runs the twin of {@code scenario} and returns its value.
   *
   * @throws IOException when the twin fails, prints no VALUE line, or runs longer than 10 minutes
   */
  double run(String scenario) throws IOException, InterruptedException {
    // stdout goes to a file, so a twin that hangs cannot hold a read past the time limit
    Path out = Files.createTempFile("cpython_bench", ".out");
    try {
      java.lang.Process p = new ProcessBuilder(List.of(python, script().toString(), scenario))
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException("it did not finish in 10 minutes");
      }
      String printed = Files.readString(out, StandardCharsets.UTF_8);
      for (String line : printed.split("\n")) {
        if (line.startsWith("VALUE ")) {
          return Double.parseDouble(line.substring(6).trim());
        }
      }
      throw new IOException("it printed no VALUE line (exit " + p.exitValue() + "): " + printed);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private Path script() throws IOException {
    if (script == null) {
      Path tmp = Files.createTempFile("cpython_bench", ".py");
      tmp.toFile().deleteOnExit();
      try (InputStream in = CPython.class.getResourceAsStream("/cpython_bench.py")) {
        if (in == null) {
          throw new IOException("cpython_bench.py is missing from the bench jar");
        }
        Files.write(tmp, in.readAllBytes());
      }
      script = tmp;
    }
    return script;
  }
}
