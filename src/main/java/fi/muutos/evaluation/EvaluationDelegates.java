package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation process's delegates and listeners: typed input → {@link Evaluations}. */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

  private static final TaskRules RULES =
      new TaskRules(
          Map.of(
              EvaluationProcess.Elements.RECORD_INTERVIEW,
                  List.of(
                      Rule.text("intervieweeRole"),
                      Rule.text("interviewSummary"),
                      Rule.yesNo(Vars.MORE_INTERVIEWS)),
              EvaluationProcess.Elements.EDIT_SYNTHESIS, List.of(Rule.text(Vars.SYNTHESIS)),
              EvaluationProcess.Elements.PRESENTATION, List.of(Rule.date("decisionDate"))));

  /** {@code #{registerEvaluation}}. */
  @Bean
  JavaDelegate registerEvaluation(Evaluations evaluations) {
    return execution -> {
      String businessKey = execution.getProcessBusinessKey(); // claimed at start (CaseKeys)
      long id =
          evaluations.register(
              businessKey,
              (String) execution.getVariable(Vars.NAME),
              (String) execution.getVariable(Vars.EVALUATOR),
              (String) execution.getVariable(Vars.SURVEY_CLOSES_ON),
              (String) execution.getVariable(Vars.RESPONDENTS),
              execution.getProcessInstanceId());
      execution.setVariable(Vars.EVALUATION_ID, id);
      execution.setVariable(Vars.SURVEY_CLOSES_AT, evaluations.surveyClosesAt(id).toString());
    };
  }

  /** {@code #{prepareSurvey}}: generates and deploys the survey form for the objectives. */
  @Bean
  JavaDelegate prepareSurvey(Evaluations evaluations) {
    return execution ->
        execution.setVariable(Vars.SURVEY_FORM_ID, evaluations.deploySurveyForm(id(execution)));
  }

  /** {@code #{recordSurveyAnswers}} (task listener, complete): the answers, per group. */
  @Bean
  TaskListener recordSurveyAnswers(Evaluations evaluations) {
    return (DelegateTask task) ->
        evaluations.recordAnswers(
            ((Number) task.getVariable(Vars.EVALUATION_ID)).longValue(),
            task.getAssignee(),
            task.getVariables());
  }

  /** {@code #{closeSurvey}}: records the response rate. */
  @Bean
  JavaDelegate closeSurvey(Evaluations evaluations) {
    return execution -> evaluations.closeSurvey(id(execution));
  }

  /** {@code #{recordInterview}} (task listener, complete). */
  @Bean
  TaskListener recordInterview(Evaluations evaluations) {
    return (DelegateTask task) -> {
      RULES.check(task);
      evaluations.recordInterview(
          ((Number) task.getVariable(Vars.EVALUATION_ID)).longValue(),
          (String) task.getVariable("intervieweeRole"),
          (String) task.getVariable("interviewSummary"));
    };
  }

  /** {@code #{evaluationTaskValidator}} on the other tasks' completion. */
  @Bean
  TaskListener evaluationTaskValidator() {
    return RULES::check;
  }

  /** {@code #{computeSynthesis}}: a proposed synthesis for the evaluator to edit. */
  @Bean
  JavaDelegate computeSynthesis(Evaluations evaluations) {
    return execution ->
        execution.setVariable(Vars.SYNTHESIS, evaluations.computeSynthesis(id(execution)));
  }

  /** {@code #{publishEvaluation}}: the results onto the strategy's objectives. */
  @Bean
  JavaDelegate publishEvaluation(Evaluations evaluations) {
    return execution ->
        evaluations.publish(
            id(execution),
            (String) execution.getVariable(Vars.SYNTHESIS),
            (String) execution.getVariable(Vars.FOLLOW_UPS));
  }

  /** {@code #{evaluationItems}}: the respondents of the survey's parallel tasks. */
  @Bean
  EvaluationItems evaluationItems(Evaluations evaluations) {
    return new EvaluationItems(evaluations);
  }

  /** Used from BPMN expressions. */
  public static final class EvaluationItems {
    private final Evaluations evaluations;

    EvaluationItems(Evaluations evaluations) {
      this.evaluations = evaluations;
    }

    public List<String> respondents(Long evaluationId) {
      return evaluations.respondentIds(evaluationId);
    }
  }

  private static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(Vars.EVALUATION_ID)).longValue();
  }
}
