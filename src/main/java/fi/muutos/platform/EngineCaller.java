package fi.muutos.platform;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The person on whose behalf the engine runs the current command: the user the engine REST API or a
 * webapp authenticated, {@code null} for Muutos' own code (the domain API, the job executor).
 *
 * <p>Engine internals (docs/engine-extensions.md): {@code IdentityService.getCurrentAuthentication}
 * is public API but returns the engine's internal {@link Authentication}, so a feature reads the
 * user here and nowhere else. {@code IntegrityDrillTest#aPlanStillWalksToLegalForceThroughTheApis}
 * fails when an upgrade stops telling who entered a backdated legal date.
 */
public final class EngineCaller {

  private EngineCaller() {}

  /** The authenticated user of the current command, or {@code null}. */
  public static String userId(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
