package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.cases.CaseKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
          evaluations.register(
              execution.getProcessBusinessKey(),
              Vars.NAME.get(execution),
              Vars.EVALUATOR.get(execution),
              Vars.SURVEY_CLOSES_ON.get(execution),
              Vars.RESPONDENTS.get(execution),
              execution.getProcessInstanceId());
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

  /** {@code #{recordSurveyAnswers}} (task listener, complete): the answers, per group. */
  @Bean
  TaskListener recordSurveyAnswers(Evaluations evaluations) {
    return (DelegateTask task) ->
        evaluations.recordAnswers(
            Vars.EVALUATION_ID.require(task), task.getAssignee(), task.getVariables());
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

  /** {@code #{computeSynthesis}}: a proposed synthesis for the evaluator to edit. */
  @Bean
  JavaDelegate computeSynthesis(Evaluations evaluations) {
    return execution ->
        Vars.SYNTHESIS.set(
            execution,
            evaluations.computeSynthesis(id(execution), execution.getCurrentActivityId()));
  }

  /** {@code #{publishEvaluation}}: the results onto the strategy's objectives. */
  @Bean
  JavaDelegate publishEvaluation(Evaluations evaluations) {
    return execution ->
        evaluations.publish(
            id(execution),
            Vars.SYNTHESIS.get(execution),
            Vars.FOLLOW_UPS.get(execution),
            execution.getCurrentActivityId());
  }

  private static long id(DelegateExecution execution) {
    return Vars.EVALUATION_ID.require(execution);
  }
}
