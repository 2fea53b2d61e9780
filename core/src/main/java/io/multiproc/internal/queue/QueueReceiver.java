package io.multiproc.internal.queue;

import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Receiver;
import org.apache.pekko.actor.typed.ActorRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * INTERNAL API. A queue's or pipe end's state as the receiver of what lanes bring for its path:
 * each request is a call on the state, whose owner is the peer that sent it; pipelined puts to an
 * unbounded queue that came one after another are stored together; a big item that came over
 * Artery in parts is put together before its put is handled.
 */
final class QueueReceiver implements Receiver {
  private final QueueState state;
  private final Parts parts = new Parts(); // guarded by itself

  QueueReceiver(QueueState state) {
    this.state = state;
  }

  @Override
  public void receive(Object message, Replier replier, Peer from) {
    QueueProtocol.Command c = (QueueProtocol.Command) message;
    if (c instanceof QueueProtocol.PutPart p) { // over Artery, whose frames an item may outgrow
      synchronized (parts) {
        parts.add(p.id(), p.bytes());
      }
      return;
    }
    if (c instanceof QueueProtocol.Put p) {
      synchronized (parts) {
        c = parts.complete(p);
      }
    }
    // over Artery the answer goes to the inbox the request names, a big item in parts
    state.handle(c, c.replyTo() != null ? overArtery(c.replyTo()) : replier::reply, from);
  }

  /** Answers over Artery; an item bigger than Artery's frames goes in parts. */
  private static QueueState.Replier overArtery(ActorRef<QueueProtocol.Reply> to) {
    return r -> {
      if (r instanceof QueueProtocol.Item i && i.item().length > QueueProtocol.PART) {
        byte[] item = i.item();
        for (int at = 0; at < item.length; at += QueueProtocol.PART) {
          to.tell(new QueueProtocol.ItemPart(i.id(), item.length, Arrays.copyOfRange(item, at,
              Math.min(item.length, at + QueueProtocol.PART))));
        }
      } else {
        to.tell(r);
      }
    };
  }

  @Override
  public boolean gathers(Object message) {
    return message instanceof QueueProtocol.Put && state.unbounded();
  }

  @Override
  public void receiveAll(List<Object> messages, Peer from) {
    List<byte[]> items = new ArrayList<>(messages.size());
    for (Object m : messages) {
      items.add(((QueueProtocol.Put) m).item());
    }
    state.handle(new QueueProtocol.PutBatch(-1, items, null, null), r -> { }, from);
  }

  @Override
  public void peerGone(Peer from) {
    state.ownerDown(from);
  }
}
