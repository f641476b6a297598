package fi.muutos.platform.incidents;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * An incident is what a person sees in Cockpit when an automatic step has failed all its retries:
 * its message says in Finnish what happened and what to do, followed by the failure itself (ADR
 * 0052). Foreseeable business conditions never get here: the delegates handle them (a finished
 * measure is reopened, a filing outside its step becomes a task).
 *
 * <p>Relies on the engine's incident handler for failed jobs ({@code DefaultIncidentHandler},
 * registered by type through {@code customIncidentHandlers}, which replaces the default one of that
 * type); {@code
 * UpdateMeasureStatusProcessTest.anUnknownMeasureCodeBecomesAFinnishIncidentNamingTheCode} fails
 * when an upgrade stops calling it.
 *
 * <p>Engine internals (docs/engine-extensions.md): a custom incident handler of the type failedJob
 * replaces the default one and writes the incident's message. {@code
 * UpdateMeasureStatusProcessTest#anUnknownMeasureCodeBecomesAFinnishIncidentNamingTheCode} fails
 * when an upgrade changes that.
 */
@Component
class FinnishIncidents extends AbstractProcessEnginePlugin {

  /** The Finnish text before the failure's own message. */
  static final String PREFIX =
      "Automaattinen vaihe epäonnistui kaikilla yrityksillä, eikä sitä yritetä enää itsestään. "
          + "Mitä tehdä: lue syy alta, korjaa se (tai pyydä ylläpitoa korjaamaan) ja käynnistä "
          + "vaihe uudelleen Cockpitissa (Incidents → Retry); ohje docs/operations.md. Syy: ";

  /** The incident message's column holds 4000 characters. */
  private static final int MAX = 3900;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new java.util.ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new Handler());
  }

  static String message(String failure) {
    String text = PREFIX + (failure == null || failure.isBlank() ? "(ei viestiä)" : failure);
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }

  /** The engine's handler for failed jobs, with the Finnish message. */
  static final class Handler extends DefaultIncidentHandler {

    Handler() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      return super.handleIncident(context, message(message));
    }
  }
}
