package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.platform.CaseStarter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** The evaluation's facade: start one. */
@Service
public class StrategyEvaluationProcedure {

  private final RuntimeService runtimeService;
  private final CaseStarter cases;

  StrategyEvaluationProcedure(RuntimeService runtimeService, CaseStarter cases) {
    this.runtimeService = runtimeService;
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
    variables.put(Vars.NAME, command.name());
    variables.put(Vars.EVALUATOR, command.evaluator());
    variables.put(Vars.SURVEY_CLOSES_ON, command.surveyClosesOn().toString());
    variables.put(
        Vars.RESPONDENTS,
        String.join(
            ",", command.respondents().stream().map(r -> r.userId() + ":" + r.group()).toList()));
    return cases.start(
        EvaluationProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) ->
            new Started(
                ((Number) runtimeService.getVariable(instanceId, Vars.EVALUATION_ID)).longValue(),
                key,
                instanceId));
  }
}
