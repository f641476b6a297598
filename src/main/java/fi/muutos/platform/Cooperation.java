package fi.muutos.platform;

import fi.muutos.platform.TaskRules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The co-operation procedure (yhteistoimintamenettely, laki 449/2007) that precedes a change of the
 * staff's work in every process that has one (an organisation reform, a transfer of a service): its
 * variables, declared once, and the rules of its task and of the board's proposal that may come
 * only after it.
 */
public final class Cooperation {

  public static final ProcessVariable<LocalDate> START = ProcessVariable.date("cooperationStart");
  public static final ProcessVariable<LocalDate> END = ProcessVariable.date("cooperationEnd");
  public static final ProcessVariable<String> MINUTES = ProcessVariable.text("cooperationMinutes");

  /**
   * Whether dismissals, lay-offs or part-timing are considered (449/2007 5 §): then the
   * negotiations last at least {@link #MIN_DAYS_WITH_REDUCTIONS} days.
   */
  public static final ProcessVariable<Boolean> REDUCTIONS_CONSIDERED =
      ProcessVariable.flag("reductionsConsidered");

  public static final int MIN_DAYS_WITH_REDUCTIONS = 14;

  /** The date the board (kaupunginhallitus) makes its proposal. */
  public static final ProcessVariable<LocalDate> BOARD_DATE = ProcessVariable.date("boardDate");

  private Cooperation() {}

  /**
   * The 14 days of negotiations when reductions are considered (449/2007 5 §), checked on the
   * process's co-operation task ({@code cooperation}); other tasks pass.
   */
  public static void checkReductions(
      org.camunda.bpm.engine.delegate.DelegateTask task, String cooperation) {
    if (cooperation.equals(task.getTaskDefinitionKey())
        && Boolean.TRUE.equals(REDUCTIONS_CONSIDERED.get(task))) {
      new TaskRules(
              Map.of(
                  cooperation,
                  List.of(Rule.dateAtLeastDaysAfter(END, START, MIN_DAYS_WITH_REDUCTIONS))))
          .check(task);
    }
  }

  /**
   * The rules of the co-operation task (its dates in order, whether reductions are considered, its
   * minutes, and the process's own questions) and of the board's proposal (not before the
   * co-operation ended); keyed by the process's own element ids.
   */
  public static Map<String, List<Rule>> steps(
      String cooperation, String boardProposal, Rule... ownQuestions) {
    List<Rule> rules = new ArrayList<>();
    rules.add(Rule.date(START));
    rules.add(Rule.dateNotBefore(END, START));
    rules.add(Rule.yesNo(REDUCTIONS_CONSIDERED));
    rules.addAll(List.of(ownQuestions));
    rules.add(Rule.text(MINUTES));
    return Map.of(
        cooperation,
        List.copyOf(rules),
        boardProposal,
        List.of(Rule.dateNotBefore(BOARD_DATE, END)));
  }
}
