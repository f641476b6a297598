package fi.muutos.cases;

import fi.muutos.cases.CaseFilingProcess.Vars;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners of {@code processes/cases/case-filing.bpmn}. */
@Configuration(proxyBeanMethods = false)
class CaseFilingDelegates {

  /**
   * {@code ${closeFiling}} (on completion): the filing is handled on its case, by the task's
   * assignee, with the words the group entered.
   */
  @Bean
  TaskListener closeFiling(Filings filings) {
    return task ->
        filings.handled(Vars.FILING_ID.require(task), task.getAssignee(), Vars.HANDLING.get(task));
  }
}
