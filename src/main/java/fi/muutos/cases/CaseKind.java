package fi.muutos.cases;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.util.Arrays;

/**
 * A case process: its process key and its stages. Each feature declares its kind once (in its
 * process class) and registers it as a bean, so that {@link Cases} and the stage step know it.
 *
 * @param processKey the BPMN process id
 * @param stages the process's stage enum
 * @param noun what a case of this kind is called in messages ("plan", "reform", ...)
 */
public record CaseKind<S extends Enum<S> & CaseStage>(
    String processKey, Class<S> stages, String noun) {

  /** The stage of this name; a name that is none of this process's stages is a 400. */
  public S stage(String name) {
    try {
      return Enum.valueOf(stages, name == null ? "" : name.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          Kind.INVALID,
          "unknown-stage",
          "'"
              + name
              + "' is not a stage of "
              + processKey
              + " (one of "
              + Arrays.toString(stages.getEnumConstants())
              + ").");
    }
  }
}
