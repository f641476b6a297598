package fi.muutos.cases;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every process a start listener that claims the instance's business key through {@link
 * CaseKeys}: whatever starts a case (the domain API, Tasklist's start form, the engine REST API),
 * its key is checked and registered in the start's own transaction.
 *
 * <p>Engine internals (docs/engine-extensions.md): a parse listener added to the configuration's
 * pre-parse listeners sees every deployed process, and a start listener added to the process runs
 * in the start's transaction for every way a case starts. {@code
 * IntegrityDrillTest#businessKeysAreUniqueAcrossProcessesAndKeepTheirPrefix} fails when an upgrade
 * changes that.
 */
@Component
class CaseKeyPlugin extends AbstractProcessEnginePlugin {

  private final CaseKeys caseKeys;

  CaseKeyPlugin(CaseKeys caseKeys) {
    this.caseKeys = caseKeys;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener claim =
        execution -> {
          String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
          String key =
              caseKeys.claim(
                  processKey, execution.getProcessBusinessKey(), execution.getProcessInstanceId());
          if (key != null && !key.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(key);
          }
        };
    configuration
        .getCustomPreBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                definition.addListener(ExecutionListener.EVENTNAME_START, claim);
              }
            });
  }
}
