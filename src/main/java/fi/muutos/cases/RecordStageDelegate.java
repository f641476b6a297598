package fi.muutos.cases;

import fi.muutos.platform.ProcessKeys;
import fi.muutos.platform.ProcessVariable;
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

  /** The step's input parameters. */
  static final ProcessVariable<String> STAGE = ProcessVariable.text("stage");

  static final ProcessVariable<String> OUTCOME = ProcessVariable.text("outcome");
  static final ProcessVariable<LocalDate> LEGAL_DATE = ProcessVariable.date("legalDate");

  private final Cases cases;

  RecordStageDelegate(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.enter(
        ProcessKeys.of(execution),
        execution.getProcessBusinessKey(),
        STAGE.getLocal(execution),
        OUTCOME.getLocal(execution),
        LEGAL_DATE.getLocal(execution),
        execution.getCurrentActivityId());
  }
}
