package fi.muutos.ryhti;

import fi.muutos.ryhti.RyhtiCorrectionProcess.Messages;
import fi.muutos.ryhti.RyhtiCorrectionProcess.Vars;
import fi.muutos.zoning.RyhtiProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The planners' task "Korjaa Ryhti-virhe" ({@code ryhtiCorrection}): opened when Ryhti refuses a
 * plan's message (or our own check finds it incomplete), shown with Ryhti's messages, and closed
 * when a corrected message is accepted. One per plan at a time, its business key the plan's.
 */
@Service
class RyhtiCorrections {

  private final RuntimeService runtime;

  RyhtiCorrections(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** A message of the plan was refused: the task opens, or shows the new messages. */
  void rejected(String businessKey, long planId, String planName, List<RyhtiProblem> problems) {
    String text = text(problems);
    List<ProcessInstance> open = open(businessKey);
    if (open.isEmpty()) {
      Map<String, Object> variables = new HashMap<>();
      Vars.PLAN_ID.put(variables, planId);
      Vars.PLAN_NAME.put(variables, planName);
      Vars.PROBLEMS.put(variables, text);
      runtime
          .createMessageCorrelation(Messages.DELIVERY_REJECTED)
          .processInstanceBusinessKey(businessKey)
          .setVariables(variables)
          .correlateStartMessage();
      return;
    }
    for (ProcessInstance instance : open) {
      runtime.setVariable(instance.getId(), Vars.PROBLEMS.name(), text);
      runtime
          .createMessageCorrelation(Messages.REJECTED)
          .processInstanceId(instance.getId())
          .correlateAllWithResult();
    }
  }

  /** The plan's messages are all accepted again: its task, if open, closes. */
  void accepted(String businessKey) {
    if (!open(businessKey).isEmpty()) {
      runtime
          .createMessageCorrelation(Messages.ACCEPTED)
          .processInstanceBusinessKey(businessKey)
          .correlateAllWithResult();
    }
  }

  private List<ProcessInstance> open(String businessKey) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(RyhtiCorrectionProcess.KEY)
        .processInstanceBusinessKey(businessKey)
        .list();
  }

  /** Ryhti's messages, one line each: the rule, the message, where. */
  static String text(List<RyhtiProblem> problems) {
    return problems.stream()
        .map(
            p ->
                "- "
                    + ("MUUTOS".equals(p.source()) ? "Muutos" : "Ryhti")
                    + (p.ruleId() == null ? "" : " [" + p.ruleId() + "]")
                    + ": "
                    + p.message()
                    + (p.instance() == null ? "" : " (" + p.instance() + ")"))
        .collect(Collectors.joining("\n"));
  }
}
