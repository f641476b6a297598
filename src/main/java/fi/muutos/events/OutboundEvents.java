package fi.muutos.events;

import fi.muutos.platform.ProcessKeys;
import fi.muutos.strategy.MeasureStatusChanged;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain and engine events into our CloudEvents, in the transaction that caused them: {@code
 * fi.muutos.measure.status.changed}, {@code fi.muutos.process.started}, {@code
 * fi.muutos.process.ended}.
 */
@Component
class OutboundEvents {

  static final String MEASURE_STATUS_CHANGED = "fi.muutos.measure.status.changed";
  static final String PROCESS_STARTED = "fi.muutos.process.started";
  static final String PROCESS_ENDED = "fi.muutos.process.ended";

  private final Outbox outbox;

  OutboundEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void measureChanged(MeasureStatusChanged event) {
    outbox.publish(MEASURE_STATUS_CHANGED, event.measureCode(), event);
  }

  /**
   * The engine's process-level start and end (Camunda's Spring eventing publishes every execution
   * listener event, as the live DelegateExecution too). The process's own "start" comes before any
   * activity instance exists; its own "end" belongs to the process instance's activity instance.
   * (Checked by EventFeedTest.)
   */
  @EventListener(
      condition =
          "#event.id == #event.processInstanceId and ("
              + "(#event.eventName == 'start' and #event.activityInstanceId == null) or "
              + "(#event.eventName == 'end' and #event.activityInstanceId == #event.processInstanceId))")
  void processStartedOrEnded(DelegateExecution event) {
    outbox.publish(
        "start".equals(event.getEventName()) ? PROCESS_STARTED : PROCESS_ENDED,
        event.getProcessBusinessKey(),
        new ProcessMilestone(
            ProcessKeys.of(event),
            event.getProcessInstanceId(),
            event.getProcessBusinessKey(),
            event.getVariable(RECORD_NUMBER) instanceof String number && !number.isBlank()
                ? number.strip()
                : null));
  }

  /** The start variable in which a case's record number (diaarinumero) is given. */
  static final String RECORD_NUMBER = "recordNumber";

  /** Data of a process milestone event; the record number when the case has one. */
  record ProcessMilestone(
      String processDefinitionKey,
      String processInstanceId,
      String businessKey,
      String recordNumber) {}
}
