package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What starts a reform, declared once: the API's command, the start variables it becomes ({@link
 * #variables()}) and the start the process reads back however it was started ({@link
 * #of(DelegateExecution)}: the API, Tasklist's start form, the engine REST API). All but the name
 * and committees are optional. The effective date is only proposed: the council's decision sets it.
 * {@code interimTermEnds}: the bodies are first elected for an interim term ending that day, then
 * again for the new council term.
 */
public record StartReform(
    String name,
    LocalDate proposedEffectiveDate,
    LocalDate interimTermEnds,
    List<String> committees,
    List<String> divisions,
    Integer followUpMonths,
    List<String> measures,
    String businessKey) {

  /** The start's process variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    Vars.NAME.put(variables, name);
    Vars.PROPOSED_EFFECTIVE_DATE.put(variables, proposedEffectiveDate);
    Vars.INTERIM_TERM_ENDS.put(variables, interimTermEnds);
    Vars.COMMITTEES.put(variables, committees);
    Vars.DIVISIONS.put(variables, divisions == null ? List.of() : divisions);
    Vars.FOLLOW_UP_MONTHS.put(variables, followUpMonths);
    Vars.MEASURES.put(variables, measures);
    return variables;
  }

  /** The start as the starting instance holds it. */
  static StartReform of(DelegateExecution execution) {
    return new StartReform(
        Vars.NAME.get(execution),
        Vars.PROPOSED_EFFECTIVE_DATE.get(execution),
        Vars.INTERIM_TERM_ENDS.get(execution),
        Vars.COMMITTEES.get(execution),
        Vars.DIVISIONS.get(execution),
        Vars.FOLLOW_UP_MONTHS.get(execution),
        Vars.MEASURES.get(execution),
        execution.getProcessBusinessKey());
  }
}
