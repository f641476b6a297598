package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.cases.CaseStarter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** A respondent: a user and the group their answers count in. */
  public record Respondent(String userId, String group) {}

  /** What starts an evaluation. */
  public record StartEvaluation(
      String name,
      String evaluator,
      LocalDate surveyClosesOn,
      List<Respondent> respondents,
      String businessKey) {}

  /** A started evaluation. */
  public record Started(long evaluationId, String businessKey, String processInstanceId) {}

  /** Starts an evaluation (see {@link CaseStarter}: key, record and instance). */
  public Started start(StartEvaluation command) {
    Map<String, Object> variables = new HashMap<>();
    Vars.NAME.put(variables, command.name());
    Vars.EVALUATOR.put(variables, command.evaluator());
    Vars.SURVEY_CLOSES_ON.put(variables, command.surveyClosesOn());
    Vars.RESPONDENTS.put(
        variables, command.respondents().stream().map(r -> r.userId() + ":" + r.group()).toList());
    return cases.start(
        EvaluationProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) -> new Started(evaluations.idOf(key), key, instanceId));
  }
}
