package io.multiproc.internal.queue;

import io.multiproc.internal.lane.Peer;
import io.multiproc.internal.lane.Receiver;
import java.util.ArrayList;
import java.util.List;

/**
 * INTERNAL API. A queue's or pipe end's state as the receiver of what lanes bring for its path:
 * each request is a call on the state, whose owner is the peer that sent it; pipelined puts to an
 * unbounded queue that came one after another are stored together.
 */
final class QueueReceiver implements Receiver {
  private final QueueState state;

  QueueReceiver(QueueState state) {
    this.state = state;
  }

  @Override
  public void receive(Object message, Replier replier, Peer from) {
    state.handle((QueueActor.Command) message, replier::reply, from);
  }

  @Override
  public boolean gathers(Object message) {
    return message instanceof QueueActor.Put && state.unbounded();
  }

  @Override
  public void receiveAll(List<Object> messages, Peer from) {
    List<byte[]> items = new ArrayList<>(messages.size());
    for (Object m : messages) {
      items.add(((QueueActor.Put) m).item());
    }
    state.handle(new QueueActor.PutBatch(-1, items, null, null), r -> { }, from);
  }

  @Override
  public void peerGone(Peer from) {
    state.ownerDown(from);
  }
}
