package io.multiproc.internal.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/** INTERNAL API. Actor references over Artery: Pekko's serialisation format, "" for null. */
final class ArteryRefs implements Codec.Refs {
  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;

  ArteryRefs(ExtendedActorSystem system) {
    this.system = system;
  }

  @Override
  public void write(DataOutputStream out, ActorRef<?> ref) throws IOException {
    out.writeUTF(ref == null ? "" : resolver().toSerializationFormat(ref));
  }

  @Override
  public <T> ActorRef<T> read(DataInputStream in) throws IOException {
    String path = in.readUTF();
    return path.isEmpty() ? null : resolver().resolveActorRef(path);
  }

  private ActorRefResolver resolver() {
    ActorRefResolver r = resolver;
    if (r == null) {
      r = ActorRefResolver.get(Adapter.toTyped(system));
      resolver = r;
    }
    return r;
  }
}
