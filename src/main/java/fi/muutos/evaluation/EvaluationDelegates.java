package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.cases.CaseKind;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evaluation process's delegates and listeners: each reads its typed variables ({@link
 * EvaluationProcess.Vars}), calls {@link Evaluations}, writes typed output.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

  /** Evaluations are cases ({@code fi.muutos.cases}). */
  @Bean
  CaseKind<EvaluationStage> evaluationCases() {
    return EvaluationProcess.CASE;
  }

  /** {@code #{registerEvaluation}}: the record, the survey's respondents and closing moment. */
  @Bean
  JavaDelegate registerEvaluation(Evaluations evaluations) {
    return execution -> {
      long id =
          evaluations.register(StartEvaluation.of(execution), execution.getProcessInstanceId());
      Vars.EVALUATION_ID.set(execution, id);
      Vars.SURVEY_RESPONDENTS.set(execution, evaluations.respondentIds(id));
      Vars.SURVEY_CLOSES_AT.set(execution, evaluations.surveyClosesAt(id));
    };
  }

  /** {@code #{prepareSurvey}}: generates and deploys the survey form for the objectives. */
  @Bean
  JavaDelegate prepareSurvey(Evaluations evaluations) {
    return execution ->
        Vars.SURVEY_FORM_ID.set(execution, evaluations.deploySurveyForm(id(execution)));
  }

  /**
   * {@code #{recordSurveyAnswers}} (task listener, complete): the answers, per group. Only this
   * completion's values count: the survey task is secret ({@code muutos.secret}), so they are
   * transient; nothing stored on the process is taken for an answer.
   */
  @Bean
  TaskListener recordSurveyAnswers(Evaluations evaluations) {
    return (DelegateTask task) -> {
      Map<String, Object> answers = new HashMap<>();
      VariableMap variables = task.getVariablesTyped();
      for (String name : variables.keySet()) {
        TypedValue value = variables.getValueTyped(name);
        if (value.isTransient()) {
          answers.put(name, value.getValue());
        }
      }
      evaluations.recordAnswers(Vars.EVALUATION_ID.require(task), task.getAssignee(), answers);
    };
  }

  /** {@code #{closeSurvey}}: records the response rate. */
  @Bean
  JavaDelegate closeSurvey(Evaluations evaluations) {
    return execution -> evaluations.closeSurvey(id(execution), execution.getCurrentActivityId());
  }

  /** {@code #{recordInterview}} (task listener, complete). */
  @Bean
  TaskListener recordInterview(Evaluations evaluations) {
    return (DelegateTask task) -> {
      EvaluationTaskValidator.RULES.check(task);
      evaluations.recordInterview(
          Vars.EVALUATION_ID.require(task),
          Vars.INTERVIEWEE_ROLE.get(task),
          Vars.INTERVIEW_SUMMARY.get(task));
    };
  }

  /** {@code #{computeSynthesis}}: the proposed synthesis and verdicts for the evaluator. */
  @Bean
  JavaDelegate computeSynthesis(EvaluationSyntheses syntheses) {
    return execution -> {
      EvaluationSyntheses.Proposal proposal =
          syntheses.computeSynthesis(id(execution), execution.getCurrentActivityId());
      Vars.SYNTHESIS.set(execution, proposal.synthesis());
      Vars.BEST_GOALS.set(execution, proposal.bestGoals());
      Vars.WEAKEST_GOALS.set(execution, proposal.weakestGoals());
      Vars.BEST_OBJECTIVES.set(execution, proposal.bestObjectives());
      Vars.WEAKEST_OBJECTIVES.set(execution, proposal.weakestObjectives());
      Vars.GOAL_CHOICES.set(execution, proposal.goalChoices());
      Vars.OBJECTIVE_CHOICES.set(execution, proposal.objectiveChoices());
    };
  }

  /** {@code #{checkSynthesis}} (task listener, complete): the evaluator's verdicts are sound. */
  @Bean
  TaskListener checkSynthesis(EvaluationSyntheses syntheses) {
    return (DelegateTask task) -> syntheses.checkSynthesis(synthesis(task));
  }

  /**
   * {@code ${checkEvaluationPresentation}} (execution listener where the registry's task and the
   * meeting system's event meet): a decision event is the council's handling only when the council
   * made it (issue 35, R3 for every process): the board's own handling before the council is not.
   */
  @Bean
  org.camunda.bpm.engine.delegate.ExecutionListener checkEvaluationPresentation(
      fi.muutos.cases.CouncilDecisions decisions) {
    return execution -> {
      String body = fi.muutos.platform.Decision.BODY.get(execution);
      if (body != null && !body.isBlank()) {
        decisions.checkCouncil(body);
      }
    };
  }

  /** {@code #{publishEvaluation}}: the results onto the strategy's goals and objectives. */
  @Bean
  JavaDelegate publishEvaluation(EvaluationSyntheses syntheses) {
    return execution ->
        syntheses.publish(id(execution), synthesis(execution), execution.getCurrentActivityId());
  }

  private static EvaluationSyntheses.Synthesis synthesis(VariableScope scope) {
    return new EvaluationSyntheses.Synthesis(
        Vars.SYNTHESIS.get(scope),
        Vars.SUCCESSES.get(scope),
        Vars.FOLLOW_UPS.get(scope),
        Vars.BEST_GOALS.get(scope),
        Vars.WEAKEST_GOALS.get(scope),
        Vars.BEST_OBJECTIVES.get(scope),
        Vars.WEAKEST_OBJECTIVES.get(scope));
  }

  private static long id(DelegateExecution execution) {
    return Vars.EVALUATION_ID.require(execution);
  }
}
