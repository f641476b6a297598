package fi.muutos.evaluation;

import fi.muutos.cases.CaseStarter;
import org.springframework.stereotype.Service;

/** The evaluation's facade: start one. */
@Service
public class StrategyEvaluationProcedure {

  private final Evaluations evaluations;
  private final CaseStarter cases;

  StrategyEvaluationProcedure(Evaluations evaluations, CaseStarter cases) {
    this.evaluations = evaluations;
    this.cases = cases;
  }

  /** A started evaluation. */
  public record Started(long evaluationId, String businessKey, String processInstanceId) {}

  /** Starts an evaluation (see {@link CaseStarter}: key, record and instance). */
  public Started start(StartEvaluation command) {
    return cases.start(
        EvaluationProcess.KEY,
        command.businessKey(),
        command.variables(),
        (key, instanceId) -> new Started(evaluations.idOf(key), key, instanceId));
  }
}
