package fi.muutos.platform.history;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine's full history keeps, event type by event type (ADR 0050). Everything stays but
 * one kind of row that nothing in Muutos reads and that costs statements in every asynchronous
 * step: a job's creation and success ({@code ACT_HI_JOB_LOG}; {@code
 * muutos.history.successful-jobs}, default false). Failures and deletions stay: they are what an
 * operator looks for.
 *
 * <p>A secret step (a survey's ballot) leaves no history at all ({@link SecretBallotHistory}), and
 * its instances forget whose they are ({@link SecretStepInstances}).
 *
 * <p>Each update of a variable ({@code ACT_HI_DETAIL}) stays by default: it is the record of what
 * each civil servant entered at which task ({@code muutos.history.variable-updates}; a city that
 * keeps that record elsewhere may turn it off). Process, activity, task, variable, incident,
 * identity-link, decision and operation-log history are kept in full (Cockpit, the lead times, the
 * drills, the audit of administrators' repairs).
 *
 * <p>Engine internals (docs/engine-extensions.md): every history event passes the configured
 * history event handler before it is written; an event it does not pass on is not written. {@code
 * HistoryPolicyTest#variableUpdatesStayAndSuccessfulJobsLeaveNoLogRows} fails when an upgrade
 * changes that.
 */
@Component
class HistoryPolicy extends AbstractProcessEnginePlugin {

  private final boolean variableUpdates;
  private final boolean successfulJobs;

  HistoryPolicy(
      @Value("${muutos.history.variable-updates:true}") boolean variableUpdates,
      @Value("${muutos.history.successful-jobs:false}") boolean successfulJobs) {
    this.variableUpdates = variableUpdates;
    this.successfulJobs = successfulJobs;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler(variableUpdates, successfulJobs));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new SecretStepInstances());
  }

  /** The engine's own database handler, leaving out the rows the policy does not keep. */
  static final class Handler extends DbHistoryEventHandler {

    private final boolean variableUpdates;
    private final boolean successfulJobs;
    private final SecretBallotHistory secrets = new SecretBallotHistory();

    Handler(boolean variableUpdates, boolean successfulJobs) {
      this.variableUpdates = variableUpdates;
      this.successfulJobs = successfulJobs;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!successfulJobs
          && event instanceof HistoricJobLogEvent job
          && (job.isCreationLog() || job.isSuccessLog())) {
        return;
      }
      if (secrets.leavesOut(event)) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return variableUpdates && super.shouldWriteHistoricDetail(event);
    }
  }
}
