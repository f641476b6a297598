package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evaluation's facade: start one. */
@Service
public class StrategyEvaluationProcedure {

  private final RuntimeService runtimeService;

  StrategyEvaluationProcedure(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
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

  @Transactional
  public Started start(StartEvaluation command) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.NAME, command.name());
    variables.put(Vars.EVALUATOR, command.evaluator());
    variables.put(Vars.SURVEY_CLOSES_ON, command.surveyClosesOn().toString());
    variables.put(
        Vars.RESPONDENTS,
        String.join(
            ",", command.respondents().stream().map(r -> r.userId() + ":" + r.group()).toList()));
    var instance =
        runtimeService.startProcessInstanceByKey(
            EvaluationProcess.KEY, command.businessKey(), variables);
    long id =
        ((Number) runtimeService.getVariable(instance.getId(), Vars.EVALUATION_ID)).longValue();
    return new Started(
        id,
        instance.getBusinessKey() != null
            ? instance.getBusinessKey()
            : runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey(),
        instance.getId());
  }
}
