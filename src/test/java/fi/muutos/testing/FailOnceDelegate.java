package fi.muutos.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{failOnceForTest}} (test processes only): when the variable {@code failOnce} is true,
 * fails the first time it runs for an instance, as a flaky integration would; passes after that.
 */
@Component("failOnceForTest")
public class FailOnceDelegate implements JavaDelegate {

  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable("failOnce"))
        && failed.add(execution.getProcessInstanceId())) {
      throw new IllegalStateException("Simulated failure of a flaky step (first attempt)");
    }
  }
}
