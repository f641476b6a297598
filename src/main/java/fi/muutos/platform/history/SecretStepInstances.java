package fi.muutos.platform.history;

import fi.muutos.platform.SecretSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A secret multi-instance step's instance forgets whose it is once its task has its assignee (issue
 * 35, E1): the element variable (the respondent) and the loop counter (the respondent's place in
 * the list) are removed from the instance's execution as the task is created. Whoever may read the
 * case's executions and variables could otherwise watch which respondent's instance ended when.
 *
 * <p>Engine internals (docs/engine-extensions.md): a built-in create listener runs after the task's
 * assignee expression was evaluated; the parallel multi-instance behaviour never reads an
 * instance's variables again. {@code
 * SurveySecrecyAttackTest#noApiANonAdministratorHasTellsWhoAnsweredOrWhat} fails when an upgrade
 * changes that.
 */
final class SecretStepInstances extends AbstractBpmnParseListener {

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
    if (properties == null || !"true".equals(properties.get(SecretSteps.PROPERTY))) {
      return;
    }
    Element loop = userTask.element("multiInstanceLoopCharacteristics");
    if (loop == null) {
      return;
    }
    List<String> names = new ArrayList<>(List.of(SecretSteps.LOOP_COUNTER));
    String element = loop.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "elementVariable");
    if (element != null) {
      names.add(element);
    }
    ((UserTaskActivityBehavior) activity.getActivityBehavior())
        .getTaskDefinition()
        .addBuiltInTaskListener(
            TaskListener.EVENTNAME_CREATE, task -> task.getExecution().removeVariablesLocal(names));
  }
}
