package fi.muutos.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The one timer of every work queue on this node (ADR 0055): each {@link QueueWorker} bean is run
 * every {@link QueueWorker#pollInterval()} after its previous round ended, first after one
 * interval. A round that fails is logged and the next one tries again; nothing is lost, as the work
 * stays in its queue's table.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueueScheduler implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(QueueScheduler.class);

  private final List<QueueWorker> workers;

  QueueScheduler(List<QueueWorker> workers) {
    this.workers = List.copyOf(workers);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    for (QueueWorker worker : workers) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(() -> round(worker), worker.pollInterval(), worker.pollInterval()));
    }
  }

  /** One round of a worker: a failure is logged, never thrown into the timer. */
  static int round(QueueWorker worker) {
    try {
      return worker.workDue();
    } catch (RuntimeException e) {
      LOG.warn(
          "Jonon {} kierros epäonnistui; seuraava kierros yrittää uudelleen ({} failed: {})",
          worker.queue(),
          worker.queue(),
          e.getMessage());
      return 0;
    }
  }
}
