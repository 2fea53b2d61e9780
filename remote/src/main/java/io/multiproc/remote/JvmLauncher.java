package io.multiproc.remote;

import io.multiproc.Multiprocessing;
import io.multiproc.internal.Authkey;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.process.Registry;
import io.multiproc.internal.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * INTERNAL API. Launches child JVMs: the command line (same JDK and classpath as this JVM, the
 * configured options, the inherited system properties, a class-data archive when one can be used)
 * and the bootstrap header on the child's standard input.
 */
final class JvmLauncher {
  private final Settings settings;
  private final String java;
  private final String classPath;
  private final List<String> baseCommand;
  private final ClassDataSharing cds;
  private static volatile JvmLauncher shared;

  /** The launcher of this JVM's children, made on first use from its settings. */
  static JvmLauncher shared() {
    JvmLauncher l = shared;
    if (l == null) {
      synchronized (JvmLauncher.class) {
        if (shared == null) {
          shared = new JvmLauncher(ProcessRuntime.settings());
        }
        l = shared;
      }
    }
    return l;
  }

  JvmLauncher(Settings settings) {
    this.settings = settings;
    String javaHome = settings.childJavaHome().isEmpty()
        ? System.getProperty("java.home") : settings.childJavaHome();
    this.java = Path.of(javaHome, "bin", "java").toString();
    this.classPath = System.getProperty("java.class.path");
    List<String> cmd = new ArrayList<>(settings.childJvmOptions());
    if (Runtime.version().feature() >= 23) {
      // Pekko reads fields through sun.misc.Unsafe; newer JDKs warn about it on stderr, which
      // would print into every program's output
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String key = e.getKey().toString();
      if (settings.inheritedPropertyPrefixes().stream().anyMatch(key::startsWith)) {
        cmd.add("-D" + key + "=" + e.getValue());
      }
    }
    this.baseCommand = List.copyOf(cmd);
    this.cds = ClassDataSharing.create(settings, javaHome, baseCommand, classPath);
  }

  /**
   * Launches a child signed with this program's authkey; an eager one (a spare) starts its
   * ActorSystem and registers before its process arrives.
   */
  JvmChild launch(boolean eager) {
    return launch(Authkey.get(), List.of(), eager);
  }

  /**
   * Launches a child JVM that will sign its messages with {@code authkey} (tests hand it a wrong
   * one to see it refused) and returns at once; the child registers in the background.
   */
  JvmChild launch(byte[] authkey, List<String> extraJvmOptions, boolean eager) {
    CompletableFuture<Registry.Hello> hello = new CompletableFuture<>();
    // only a child that registers needs this JVM's ActorSystem (and its registry) to be up
    long token = eager ? Registry.expect(hello) : 0;
    String registryPath = eager || ProcessRuntime.startedSystem() != null
        ? ProcessRuntime.registryPath() : "";
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(baseCommand);
    ClassDataSharing.Options sharing = cds == null ? null : cds.options();
    if (sharing != null) {
      cmd.addAll(sharing.jvmOptions());
    }
    cmd.addAll(extraJvmOptions);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(ChildMain.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (!settings.pumpOutput()) {
      pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    pb.directory(new File(System.getProperty("user.dir")));
    java.lang.Process os;
    try {
      os = pb.start();
    } catch (IOException e) {
      Registry.forget(token);
      throw ProcessRuntime.launchFailed("a child JVM with " + java, e);
    }
    Bootstrap boot = new Bootstrap(authkey, registryPath, token, ProcessHandle.current().pid(),
        Multiprocessing.currentProcess().name(), eager);
    JvmChild child = new JvmChild(os, token, hello, settings.pumpOutput(),
        sharing == null ? null : sharing.onExit());
    child.send(boot::write);
    return child;
  }
}
