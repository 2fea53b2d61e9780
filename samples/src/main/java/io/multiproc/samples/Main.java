package io.multiproc.samples;

import io.multiproc.Multiprocessing;
import io.multiproc.internal.process.ProcessAccess;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples jar's entry point.
 *
 * <pre>
 * java -jar multiproc-samples.jar                 # lists every sample: ID, group, title
 * java -jar multiproc-samples.jar run s0-02 s1-01 # runs some
 * java -jar multiproc-samples.jar run --group P   # runs a group
 * java -jar multiproc-samples.jar run --all       # runs every ported sample
 * </pre>
 *
 * <p>The exit status is non-zero when a sample fails or is not ported yet.
 */
public final class Main {
  private Main() {}

  /** Lists or runs samples; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("list")) {
      list();
      return;
    }
    if (!args[0].equals("run") || args.length < 2) {
      System.err.println("usage: java -jar multiproc-samples.jar [list | run ID… | run --group P|Q|S|M|L|T | run --all]");
      System.exit(64);
    }
    List<Catalog.Entry> chosen = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--all")) {
        Catalog.ENTRIES.stream().filter(e -> e.sampleClass().isPresent()).forEach(chosen::add);
      } else if (args[i].equals("--group") && i + 1 < args.length) {
        char g = Character.toUpperCase(args[++i].charAt(0));
        Catalog.ENTRIES.stream().filter(e -> e.group() == g).forEach(chosen::add);
      } else {
        Catalog.Entry e = Catalog.find(args[i]).orElse(null);
        if (e == null) {
          System.err.println("no sample " + args[i] + "; `java -jar multiproc-samples.jar list` lists them");
          System.exit(64);
        }
        chosen.add(e);
      }
    }
    int failed = 0;
    for (Catalog.Entry e : chosen) {
      if (chosen.size() > 1) {
        System.out.println("== " + e.id() + " " + e.title());
      }
      if (!run(e)) {
        failed++;
      }
    }
    if (chosen.size() > 1) {
      System.out.println("== " + (chosen.size() - failed) + " passed, " + failed + " failed");
    }
    System.out.flush();
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs one sample's main in this JVM, then ends its children as CPython's exit would. */
  static boolean run(Catalog.Entry e) {
    Class<?> type = e.sampleClass().orElse(null);
    if (type == null) {
      System.err.println(e.id() + " is not ported yet");
      return false;
    }
    try {
      Method main = type.getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
      return true;
    } catch (InvocationTargetException ex) {
      System.err.println(e.id() + " failed:");
      ex.getCause().printStackTrace();
      return false;
    } catch (ReflectiveOperationException ex) {
      System.err.println(e.id() + " cannot be run: " + ex);
      return false;
    } finally {
      ProcessAccess.get().finishChildren(Multiprocessing.currentProcess());
    }
  }

  private static void list() {
    for (Catalog.Entry e : Catalog.ENTRIES) {
      System.out.printf("%s  %c  %s%s%n", e.id(), e.group(), e.title(),
          e.sampleClass().isPresent() ? "" : "  (not ported yet)");
    }
  }
}
