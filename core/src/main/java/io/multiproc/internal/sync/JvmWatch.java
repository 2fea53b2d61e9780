package io.multiproc.internal.sync;

import io.multiproc.internal.PidWatch;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * INTERNAL API. The JVMs an actor watches (each through its registry actor, which lives as long as
 * the JVM): each once, with the message the actor wants when that JVM dies. A JVM of this machine
 * is also watched by its process ({@link PidWatch}), which tells of its end within a fraction of a
 * second, where Artery's failure detector takes seconds; the message may then come twice.
 *
 * @param <C> the actor's protocol
 */
final class JvmWatch<C> {
  private final ActorContext<C> ctx;
  private final Function<ActorRef<?>, C> down;
  private final Set<ActorRef<?>> watched = new HashSet<>();

  JvmWatch(ActorContext<C> ctx, Function<ActorRef<?>, C> down) {
    this.ctx = ctx;
    this.down = down;
  }

  /** Watches {@code jvm} (null: a caller with no JVM to watch) unless it is watched already. */
  void watch(ActorRef<?> jvm) {
    if (jvm != null && watched.add(jvm)) {
      C message = down.apply(jvm);
      ctx.watchWith(jvm, message);
      ActorRef<C> self = ctx.getSelf();
      PidWatch.onExit(jvm, () -> self.tell(message));
    }
  }

  /** How many JVMs are watched now. */
  int size() {
    return watched.size();
  }

  /** {@code jvm} died: forget it. */
  void gone(ActorRef<?> jvm) {
    watched.remove(jvm);
  }
}
