package fi.muutos.strategy;

import fi.muutos.platform.ProcessKeys;
import fi.muutos.platform.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{updateMeasureStatus}}: a BPMN service task sets a strategy measure's status at a
 * milestone. Configured by input parameters: {@code measure} (a code, a list of codes, or codes
 * separated by commas: each gets the same change), {@code status}, optional {@code progress}
 * (0–100), {@code note} and {@code reopen} ({@code false} for a step that only notes: a finished
 * measure keeps its status; by default a case working on a finished measure reopens it, ADR 0052).
 *
 * <p>An input {@code measure} that evaluates to an empty string or an empty list (a configured
 * measure code the municipality left empty, a case that names no measures) updates nothing. The
 * measure's state never fails the step (a cancelled measure stays cancelled, a finished one is
 * reopened); an unknown measure code is a modelling error that the start refuses
 * (StrategyService.checkStartedFor) and a model test catches. The change joins the job's
 * transaction, so a failed job leaves no trace and its retry logs once.
 */
@Component("updateMeasureStatus")
class UpdateMeasureStatusDelegate implements JavaDelegate {

  static final String MEASURE = "measure";

  /** The input {@code measure}: one code, or a list (JSON, or comma-separated text). */
  private static final ProcessVariable<List<String>> MEASURES = ProcessVariable.list(MEASURE);

  static final String STATUS = "status";
  static final String PROGRESS = "progress";
  static final String NOTE = "note";
  static final String REOPEN = "reopen";

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(UpdateMeasureStatusDelegate.class);

  private final StrategyService strategy;

  UpdateMeasureStatusDelegate(StrategyService strategy) {
    this.strategy = strategy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object configured = execution.getVariableLocal(MEASURE);
    List<String> codes = MEASURES.getLocal(execution);
    if (configured != null && (codes == null || codes.isEmpty())) {
      // a measure code left empty by the municipality, or a case with no measures: none to move
      LOG.info("{}: no measure configured; nothing to update", execution.getCurrentActivityId());
      return;
    }
    required(execution, MEASURE);
    String statusName = required(execution, STATUS);
    MeasureStatus status;
    try {
      status = MeasureStatus.valueOf(statusName.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          execution.getCurrentActivityId()
              + ": unknown status '"
              + statusName
              + "' for measures "
              + codes,
          e);
    }
    Object progress = execution.getVariableLocal(PROGRESS);
    Object note = execution.getVariableLocal(NOTE);
    String definitionKey = ProcessKeys.of(execution);
    StatusChange change =
        new StatusChange(
            status,
            progress == null ? null : Integer.valueOf(progress.toString()),
            note == null ? null : note.toString());
    ChangeSource source =
        new ChangeSource.Process(
            definitionKey,
            execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(),
            execution.getCurrentActivityId());
    boolean reopen = !"false".equals(String.valueOf(execution.getVariableLocal(REOPEN)).strip());
    for (String code : codes) {
      strategy.change(code, change, source, reopen);
    }
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(
          execution.getCurrentActivityId()
              + ": the input parameter '"
              + name
              + "' of #{updateMeasureStatus} is missing");
    }
    return value.toString();
  }
}
