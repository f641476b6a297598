package fi.muutos.cases;

import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a case the same way for every process: the business key is taken first, in a short
 * transaction of its own (so that concurrent starts do not queue on the counter row), then the case
 * starts in one transaction: its key claimed ({@link CaseKeys}: a key any case has is a 409), its
 * record, its instance and its first steps commit together or not at all. A start that fails leaves
 * a gap in the numbers.
 */
@Component
public class CaseStarter {

  private final RuntimeService runtimeService;
  private final CaseKeys caseKeys;
  private final TransactionTemplate transaction;

  CaseStarter(
      RuntimeService runtimeService, CaseKeys caseKeys, PlatformTransactionManager transactions) {
    this.runtimeService = runtimeService;
    this.caseKeys = caseKeys;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Starts a case of {@code processKey} with the given key (or the next one of its prefix) and
   * start variables; {@code started} turns (business key, process instance id) into the caller's
   * answer, in the start's transaction (it may read the record the first step created).
   */
  public <T> T start(
      String processKey,
      String requestedKey,
      Map<String, Object> variables,
      BiFunction<String, String, T> started) {
    String businessKey =
        requestedKey == null || requestedKey.isBlank()
            ? caseKeys.next(processKey)
            : requestedKey.strip();
    return transaction.execute(
        status ->
            started.apply(
                businessKey,
                runtimeService
                    .startProcessInstanceByKey(processKey, businessKey, variables)
                    .getId()));
  }
}
