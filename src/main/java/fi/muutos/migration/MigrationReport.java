package fi.muutos.migration;

import java.util.List;

/**
 * What a migration moved (or would move): per process and older version, how many running cases,
 * how many moved, and those that could not, with the reason. A case that cannot move keeps running
 * on its version's model; nothing is lost (docs/operations.md).
 */
public record MigrationReport(boolean executed, List<Move> moves) {

  /** The cases of one older version of a process. */
  public record Move(
      String processKey,
      int fromVersion,
      int toVersion,
      int cases,
      int moved,
      String planProblem,
      List<Stuck> stuck) {}

  /** A case that stays on its version, and why. */
  public record Stuck(String processInstanceId, String businessKey, String reason) {}

  /** How many cases run on older versions than their process's newest (before the migration). */
  public int cases() {
    return moves.stream().mapToInt(Move::cases).sum();
  }

  /** How many moved. */
  public int moved() {
    return moves.stream().mapToInt(Move::moved).sum();
  }
}
