package fi.muutos.cases;

import fi.muutos.platform.ProcessKeys;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{recordStage}}: the one stage step of every case process. Input parameters: {@code stage}
 * (one of the process's stages, checked against its enum by the model test and here), optional
 * {@code outcome} (IN_FORCE, CANCELLED, ANNULLED, REJECTED, ...) and {@code legalDate} (the date
 * the stage counts from in law, a {@code LocalDate} or {@code YYYY-MM-DD}).
 */
@Component("recordStage")
class RecordStageDelegate implements JavaDelegate {

  private final Cases cases;

  RecordStageDelegate(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariableLocal("outcome");
    Object legalDate = execution.getVariableLocal("legalDate");
    cases.enter(
        ProcessKeys.of(execution),
        execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal("stage"),
        outcome == null ? null : outcome.toString(),
        legalDate == null || legalDate instanceof LocalDate
            ? (LocalDate) legalDate
            : LocalDate.parse(legalDate.toString()),
        execution.getCurrentActivityId());
  }
}
