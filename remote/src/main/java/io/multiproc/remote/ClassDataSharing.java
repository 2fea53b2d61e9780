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
 * INTERNAL API. Makes child JVMs start faster by sharing the classes they load. While no archive
 * exists, one child at a time is the trainee: after its process ran it loads what a child with an
 * ActorSystem loads, dumps a dynamic CDS archive of its classes (through the VM.cds diagnostic
 * command) and moves it in place itself, so the archive exists even when the parent ended first.
 * Later children map it. The archive's name is a hash of everything that would make it stale: the
 * JDK, the JVM options and each classpath entry's size and time, so a rebuilt jar gets a new one.
 *
 * <p>Only a classpath made of jars can be archived (the JVM refuses to dump classes from
 * directories), so with a directory on the classpath, as under a test runner, children start
 * without an archive.
 */
final class ClassDataSharing {
  /** The system property that makes a child the trainee: where to put the archive. */
  static final String DUMP_PROPERTY = "io.multiproc.cds.archive";
  private final Path archive;
  private final AtomicBoolean training = new AtomicBoolean();

  private ClassDataSharing(Path archive) {
    this.archive = archive;
  }

  /** The archive manager for these settings, or null when sharing cannot or should not be used. */
  static ClassDataSharing create(Settings settings, String javaHome, List<String> jvmOptions,
      String classPath) {
    if (!settings.classDataSharing() || !allJars(classPath)) {
      return null;
    }
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
    return new ClassDataSharing(settings.cdsDirectory().resolve(key + ".jsa"));
  }

  /**
   * The options for the next child: map the archive when it exists; else make this child the
   * trainee, unless another one is already training. {@code onExit} frees the trainee's slot.
   */
  Options options() {
    if (Files.isReadable(archive)) {
      archive.toFile().setLastModified(System.currentTimeMillis()); // in use: not stale
      return new Options(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"), null);
    }
    if (!training.compareAndSet(false, true)) {
      return new Options(List.of(), null);
    }
    return new Options(List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds*=off",
        "-D" + DUMP_PROPERTY + "=" + archive), exitCode -> training.set(false));
  }

  /** Options for one child, and what to do with its exit code (null: nothing). */
  record Options(List<String> jvmOptions, java.util.function.IntConsumer onExit) {}

  /**
   * In the trainee, after its process ran: dumps the archive next to its final place and moves it
   * there. Never fails the child; without an archive, children only start slower.
   */
  static void dumpIfTrainee() {
    String target = System.getProperty(DUMP_PROPERTY);
    if (target == null) {
      return;
    }
    Path archive = Path.of(target);
    Path temp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid()
        + ".tmp");
    try {
      io.multiproc.internal.ProcessRuntime.system(); // its classes belong in the archive too
      java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
          new Object[] {new String[] {"dynamic_dump", temp.toString()}},
          new String[] {String[].class.getName()});
      if (Files.size(temp) > 0) {
        Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (Exception e) {
      // no archive this time; a later trainee tries again
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a stray temp file is pruned later
      }
    }
  }

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

  /**
   * Deletes archives not used for a week, so rebuilt classpaths do not fill the directory, and
   * temporary files a killed trainee left behind.
   */
  private static void pruneStale(Path dir) {
    long now = System.currentTimeMillis();
    try (var files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().startsWith("multiproc-"))
          .filter(f -> {
            try {
              long age = now - Files.getLastModifiedTime(f).toMillis();
              return age > (f.toString().endsWith(".tmp") ? 3600_000L : 7L * 24 * 3600_000);
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
