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

  /** The date the board (kaupunginhallitus) makes its proposal. */
  public static final ProcessVariable<LocalDate> BOARD_DATE = ProcessVariable.date("boardDate");

  private Cooperation() {}

  /**
   * The rules of the co-operation task (its dates in order, its minutes, and the process's own
   * questions) and of the board's proposal (not before the co-operation ended); keyed by the
   * process's own element ids.
   */
  public static Map<String, List<Rule>> steps(
      String cooperation, String boardProposal, Rule... ownQuestions) {
    List<Rule> rules = new ArrayList<>();
    rules.add(Rule.date(START));
    rules.add(Rule.dateNotBefore(END, START));
    rules.addAll(List.of(ownQuestions));
    rules.add(Rule.text(MINUTES));
    return Map.of(
        cooperation,
        List.copyOf(rules),
        boardProposal,
        List.of(Rule.dateNotBefore(BOARD_DATE, END)));
  }
}
