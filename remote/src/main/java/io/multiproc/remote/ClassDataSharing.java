package io.multiproc.remote;

import io.multiproc.internal.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * INTERNAL API. Makes child JVMs start faster by sharing the classes they load: the first child
 * writes an archive when it exits (a CDS archive; the AOT cache on JDK 25 and later) and the later
 * ones map it. The archive's name is a hash of everything that would make it stale: the JDK, the
 * JVM options and each classpath entry's size and time, so a rebuilt jar gets a new archive.
 *
 * <p>Only a classpath made of jars can be archived (classes in directories are never shared), so
 * with a directory on the classpath, as under a test runner, children start without an archive.
 */
final class ClassDataSharing {
  private final Path archive;
  private final boolean aot;
  private final AtomicBoolean training = new AtomicBoolean();

  private ClassDataSharing(Path archive, boolean aot) {
    this.archive = archive;
    this.aot = aot;
  }

  /** The archive manager for these settings, or null when sharing cannot or should not be used. */
  static ClassDataSharing create(Settings settings, String javaHome, List<String> jvmOptions,
      String classPath) {
    if (!settings.classDataSharing() || !allJars(classPath)) {
      return null;
    }
    int feature = Runtime.version().feature();
    if (!javaHome.equals(System.getProperty("java.home"))) {
      return null; // another JDK's version is unknown here; do not guess its flags
    }
    try {
      Files.createDirectories(settings.cdsDirectory());
    } catch (IOException e) {
      return null;
    }
    pruneStale(settings.cdsDirectory());
    String key = hash(javaHome + '\n' + Runtime.version() + '\n' + jvmOptions + '\n'
        + describe(classPath));
    boolean aot = feature >= 25;
    return new ClassDataSharing(settings.cdsDirectory().resolve(key + (aot ? ".aot" : ".jsa")), aot);
  }

  /**
   * The options for the next child. The first child, while no archive exists, is the one that
   * writes it; {@code onExit} then moves it in place (only after a clean exit, so a killed child
   * never leaves a half-written archive).
   */
  Options options() {
    if (Files.isReadable(archive)) {
      archive.toFile().setLastModified(System.currentTimeMillis()); // in use: not stale
      return new Options(aot
          ? List.of("-XX:AOTCache=" + archive, "-Xlog:aot*=off", "-Xlog:cds*=off")
          : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"), null);
    }
    if (!training.compareAndSet(false, true)) {
      return new Options(List.of(), null);
    }
    Path temp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid()
        + "." + System.nanoTime() + ".tmp");
    List<String> opts = aot
        ? List.of("-XX:AOTCacheOutput=" + temp, "-Xlog:aot*=off", "-Xlog:cds*=off")
        : List.of("-XX:ArchiveClassesAtExit=" + temp, "-Xlog:cds*=off");
    return new Options(opts, exitCode -> {
      try {
        if (exitCode == 0 && Files.size(temp) > 0) {
          Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        // no archive this time; the next training child tries again
      } finally {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a stray temp file in the cache directory is harmless
        }
        training.set(false);
      }
    });
  }

  /** Options for one child, and what to do with its exit code (null: nothing). */
  record Options(List<String> jvmOptions, java.util.function.IntConsumer onExit) {}

  private static boolean allJars(String classPath) {
    if (classPath == null || classPath.isEmpty()) {
      return false;
    }
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!isPlainJar(Path.of(entry))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A jar whose manifest adds no directory to the classpath (a test runner's manifest-only jar
   * does, and classes from directories cannot be archived).
   */
  private static boolean isPlainJar(Path jar) {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile f = new JarFile(jar.toFile())) {
      Manifest m = f.getManifest();
      String extra = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (extra == null || extra.isBlank()) {
        return true;
      }
      for (String ref : extra.trim().split("\\s+")) {
        if (!ref.endsWith(".jar")) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes archives not used for a week, so rebuilt classpaths do not fill the directory. */
  private static void pruneStale(Path dir) {
    long weekAgo = System.currentTimeMillis() - 7L * 24 * 3600 * 1000;
    try (var files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().startsWith("multiproc-"))
          .filter(f -> {
            try {
              return Files.getLastModifiedTime(f).toMillis() < weekAgo;
            } catch (IOException e) {
              return false;
            }
          })
          .forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // pruning is housekeeping; a failure leaves old files, nothing worse
    }
  }

  private static String describe(String classPath) {
    StringBuilder s = new StringBuilder();
    for (String entry : classPath.split(File.pathSeparator)) {
      File f = new File(entry);
      s.append(f.getAbsolutePath()).append(':').append(f.length()).append(':')
          .append(f.lastModified()).append('\n');
    }
    return s.toString();
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "multiproc-" + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
