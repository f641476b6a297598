package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Vars;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What starts an evaluation, declared once: the API's command, the start variables it becomes
 * ({@link #variables()}: each respondent a "userId:GROUP" pair, as Tasklist's start form writes
 * them) and the start the first step reads back however it was started ({@link
 * #of(DelegateExecution)}).
 */
public record StartEvaluation(
    String name,
    String evaluator,
    LocalDate surveyClosesOn,
    List<Respondent> respondents,
    String businessKey) {

  /** A respondent: a user and the group their answers count in. */
  public record Respondent(String userId, String group) {}

  /** The start's process variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    Vars.NAME.put(variables, name);
    Vars.EVALUATOR.put(variables, evaluator);
    Vars.SURVEY_CLOSES_ON.put(variables, surveyClosesOn);
    Vars.RESPONDENTS.put(
        variables, respondents.stream().map(r -> r.userId() + ":" + r.group()).toList());
    return variables;
  }

  /** The start as the starting instance holds it; a pair that is not "userId:GROUP" is refused. */
  static StartEvaluation of(DelegateExecution execution) {
    List<Respondent> respondents = new ArrayList<>();
    List<String> pairs = Vars.RESPONDENTS.get(execution);
    for (String pair : pairs == null ? List.<String>of() : pairs) {
      String[] parts = pair.strip().split(":");
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-evaluation",
            "Vastaaja kirjataan muodossa käyttäjätunnus:RYHMÄ, ei '"
                + pair.strip()
                + "' (respondents are 'userId:GROUP' pairs).");
      }
      respondents.add(new Respondent(parts[0].strip(), parts[1].strip().toUpperCase(Locale.ROOT)));
    }
    return new StartEvaluation(
        Vars.NAME.get(execution),
        Vars.EVALUATOR.get(execution),
        Vars.SURVEY_CLOSES_ON.get(execution),
        respondents,
        execution.getProcessBusinessKey());
  }
}
