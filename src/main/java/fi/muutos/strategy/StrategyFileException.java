package fi.muutos.strategy;

import fi.muutos.platform.DomainException;
import java.util.List;

/** A strategy file that cannot be imported, with everything wrong in it. Nothing was changed. */
public class StrategyFileException extends DomainException {

  private final List<FileProblem> problems;

  StrategyFileException(List<FileProblem> problems) {
    super(
        Kind.INVALID,
        "invalid-strategy-file",
        "The strategy file has "
            + problems.size()
            + " problem(s); nothing was imported. First: "
            + describe(problems.get(0)));
    this.problems = List.copyOf(problems);
  }

  /** Line and message of each problem, in file order. */
  public List<FileProblem> problems() {
    return problems;
  }

  static String describe(FileProblem problem) {
    return problem.line() > 0
        ? "line " + problem.line() + ": " + problem.message()
        : problem.message();
  }
}
