package io.multiproc.internal;

import java.util.List;
import org.apache.pekko.actor.setup.Setup;
import org.apache.pekko.actor.typed.Behavior;

/**
 * INTERNAL API. What the layers above the runtime add to it. The runtime boots this JVM's
 * ActorSystem and names the calling process in logs, but the parts of both belong higher up:
 * Artery's TLS to the transports, the registry's protocol to the wire, the Process objects to the
 * process package. Naming them here would point a dependency up a layer, so the runtime asks this
 * interface instead.
 *
 * <p>Its one implementation ({@code io.multiproc.internal.process.ProcessBoot}) is found with
 * {@link java.util.ServiceLoader} (core's {@code META-INF/services}) rather than installed by a
 * static initialiser above: a JVM may start its ActorSystem (a queue used before any Process is
 * touched) before any class of the process package is loaded, and a boot that missed the hook
 * would run Artery without TLS.
 */
public interface RuntimeHooks {
  /** Called before the ActorSystem is created: starts slow work (the TLS key) its boot overlaps. */
  void beforeBoot();

  /** The setups the ActorSystem is created with besides its config (Artery's TLS engine). */
  List<Setup> setups();

  /**
   * The behaviour of this JVM's registry actor. The runtime starts it under the name
   * {@link PidWatch} gives it, and lower layers send its ref as "this JVM" (whom others watch).
   */
  Behavior<?> registry();

  /** The name of the process the calling thread runs in, for a log: "Process-1", "MainProcess". */
  String currentName();
}
