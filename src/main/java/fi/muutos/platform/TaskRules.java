package fi.muutos.platform;

import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The values a user task must carry when it is completed, checked again on the server whoever
 * completes the task (Tasklist, REST): the form validates in the browser, this makes sure. A task
 * with missing or wrong values is not completed; the message (Finnish, with the variable names)
 * says what is wrong.
 */
public final class TaskRules {

  /** One rule on one variable. */
  public record Rule(
      String variable, String kind, Set<String> allowed, String notBefore, int minDays) {

    private static Rule date(String variable) {
      return new Rule(variable, "date", Set.of(), null, 0);
    }

    /** A date that may not be before the date in {@code earlier} (when that is set). */
    private static Rule dateNotBefore(String variable, String earlier) {
      return new Rule(variable, "date", Set.of(), earlier, 0);
    }

    /** A date at least {@code days} days after the date in {@code earlier}. */
    private static Rule dateAtLeastDaysAfter(String variable, String earlier, int days) {
      return new Rule(variable, "date", Set.of(), earlier, days);
    }

    private static Rule text(String variable) {
      return new Rule(variable, "text", Set.of(), null, 0);
    }

    private static Rule yesNo(String variable) {
      return new Rule(variable, "boolean", Set.of(), null, 0);
    }

    private static Rule confirmed(String variable) {
      return new Rule(variable, "confirmed", Set.of(), null, 0);
    }

    private static Rule count(String variable) {
      return new Rule(variable, "count", Set.of(), null, 0);
    }

    private static Rule oneOf(String variable, String... values) {
      return new Rule(variable, "text", Set.of(values), null, 0);
    }

    public static Rule date(ProcessVariable<java.time.LocalDate> variable) {
      return date(variable.name());
    }

    public static Rule dateNotBefore(
        ProcessVariable<java.time.LocalDate> variable,
        ProcessVariable<java.time.LocalDate> earlier) {
      return dateNotBefore(variable.name(), earlier.name());
    }

    public static Rule dateAtLeastDaysAfter(
        ProcessVariable<java.time.LocalDate> variable,
        ProcessVariable<java.time.LocalDate> earlier,
        int days) {
      return dateAtLeastDaysAfter(variable.name(), earlier.name(), days);
    }

    public static Rule text(ProcessVariable<String> variable) {
      return text(variable.name());
    }

    public static Rule yesNo(ProcessVariable<Boolean> variable) {
      return yesNo(variable.name());
    }

    /** A yes/no that must be yes: something the person confirms was done. */
    public static Rule confirmed(ProcessVariable<Boolean> variable) {
      return confirmed(variable.name());
    }

    public static Rule count(ProcessVariable<Integer> variable) {
      return count(variable.name());
    }

    public static Rule oneOf(ProcessVariable<String> variable, String... values) {
      return oneOf(variable.name(), values);
    }
  }

  private final Map<String, List<Rule>> rulesByTask;

  /** Rules per task definition key. */
  /** The rules of shared steps and a process's own, in one map (a step in both: refused). */
  @SafeVarargs
  public static Map<String, List<Rule>> merge(Map<String, List<Rule>>... parts) {
    Map<String, List<Rule>> all = new java.util.HashMap<>();
    for (Map<String, List<Rule>> part : parts) {
      part.forEach(
          (step, rules) -> {
            if (all.putIfAbsent(step, rules) != null) {
              throw new IllegalArgumentException(step + " has rules twice");
            }
          });
    }
    return Map.copyOf(all);
  }

  public TaskRules(Map<String, List<Rule>> rulesByTask) {
    this.rulesByTask = Map.copyOf(rulesByTask);
  }

  public void check(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    for (Rule rule : rulesByTask.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      Object value = task.getVariable(rule.variable());
      String field = FormLabels.field(task, rule.variable());
      if (value == null || value.toString().isBlank()) {
        problems.add(field + " puuttuu");
        continue;
      }
      switch (rule.kind()) {
        case "date" -> {
          try {
            LocalDate date = LocalDate.parse(value.toString());
            Object earlier = rule.notBefore() == null ? null : task.getVariable(rule.notBefore());
            if (earlier != null
                && date.isBefore(LocalDate.parse(earlier.toString()).plusDays(rule.minDays()))) {
              problems.add(
                  field
                      + " "
                      + FormLabels.date(date)
                      + (rule.minDays() == 0
                          ? " on aikaisempi kuin "
                          : " on alle " + rule.minDays() + " päivää päivän ")
                      + FormLabels.field(task, rule.notBefore())
                      + " "
                      + FormLabels.date(LocalDate.parse(earlier.toString()))
                      + (rule.minDays() == 0 ? "" : " jälkeen"));
            }
          } catch (DateTimeParseException e) {
            problems.add(field + " ei ole päivämäärä (esim. 1.10.2026): " + value);
          }
        }
        case "boolean" -> {
          if (!(value instanceof Boolean)) {
            problems.add(field + " on kyllä tai ei, ei " + value);
          }
        }
        case "confirmed" -> {
          if (!Boolean.TRUE.equals(value)) {
            problems.add(field + " on vahvistettava");
          }
        }
        case "count" -> {
          if (!(value instanceof Number number)
              || number.doubleValue() < 0
              || number.doubleValue() != Math.floor(number.doubleValue())) {
            problems.add(field + " on kokonaisluku 0 tai enemmän, ei " + value);
          }
        }
        default -> {
          if (!rule.allowed().isEmpty() && !rule.allowed().contains(value.toString())) {
            problems.add(field + " on yksi arvoista " + rule.allowed() + ", ei " + value);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw refused(task, problems);
    }
  }

  /**
   * A task's values refused, in the words a civil servant reads: "Tehtävää X ei voi merkitä
   * valmiiksi: …" (the task stays open; nothing was saved).
   */
  public static DomainException refused(DelegateTask task, List<String> problems) {
    return new DomainException(
        Kind.INVALID,
        "invalid-task-values",
        "Tehtävää "
            + task.getName()
            + " ei voi merkitä valmiiksi: "
            + String.join("; ", problems)
            + ".");
  }
}
