package fi.muutos.platform;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Work of a {@link WorkQueue} that every node looks for on its own timer ({@link QueueScheduler}):
 * the timer only decides when to look, the queue's claims decide which node does what. A feature
 * declares its worker as a bean where its queue should run on this node.
 */
public interface QueueWorker {

  /** The queue's name in the log. */
  String queue();

  /** How long after one round the next one looks. */
  Duration pollInterval();

  /** Works on what is due now; returns how many items it took. */
  int workDue();

  /** A worker that does {@code work} every {@code interval}. */
  static QueueWorker of(String queue, Duration interval, IntSupplier work) {
    return new QueueWorker() {
      @Override
      public String queue() {
        return queue;
      }

      @Override
      public Duration pollInterval() {
        return interval;
      }

      @Override
      public int workDue() {
        return work.getAsInt();
      }
    };
  }
}
