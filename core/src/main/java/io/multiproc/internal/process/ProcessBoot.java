package io.multiproc.internal.process;

import io.multiproc.Process;
import io.multiproc.internal.RuntimeHooks;
import io.multiproc.internal.artery.AuthkeyTls;
import java.util.List;
import org.apache.pekko.actor.setup.Setup;
import org.apache.pekko.actor.typed.Behavior;

/**
 * INTERNAL API. The runtime's hooks (found by its ServiceLoader, hence public with a public
 * constructor): this JVM's ActorSystem boots with Artery over the authkey's TLS and with this
 * package's registry, and a log names the calling thread's process.
 */
public final class ProcessBoot implements RuntimeHooks {
  /** Made by the ServiceLoader. */
  public ProcessBoot() {}

  @Override
  public void beforeBoot() {
    AuthkeyTls.prepare(); // its TLS key is made on another thread while Pekko boots
  }

  @Override
  public List<Setup> setups() {
    return List.of(AuthkeyTls.setup());
  }

  @Override
  public Behavior<?> registry() {
    return Registry.create();
  }

  @Override
  public String currentName() {
    Process p = Processes.current();
    return p != null ? p.name() : "MainProcess";
  }
}
