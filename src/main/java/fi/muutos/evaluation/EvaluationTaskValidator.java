package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Elements;
import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code #{evaluationTaskValidator}} on the evaluation's user tasks. */
@Component("evaluationTaskValidator")
class EvaluationTaskValidator implements TaskListener {

  static final TaskRules RULES =
      new TaskRules(
          Map.of(
              Elements.RECORD_INTERVIEW,
                  List.of(
                      Rule.text(Vars.INTERVIEWEE_ROLE),
                      Rule.text(Vars.INTERVIEW_SUMMARY),
                      Rule.yesNo(Vars.MORE_INTERVIEWS)),
              Elements.EDIT_SYNTHESIS, List.of(Rule.text(Vars.SYNTHESIS)),
              Elements.PRESENTATION, List.of(Rule.date(Vars.DECISION_DATE))));

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
  }
}
