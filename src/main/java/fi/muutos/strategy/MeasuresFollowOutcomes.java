package fi.muutos.strategy;

import fi.muutos.cases.CaseStageRecorded;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a case ends without the result its measures counted on (a rejected, annulled or cancelled
 * plan or reform; a lapsed, abandoned, rejected or procured transfer), every measure its steps
 * moved becomes {@link MeasureStatus#AT_RISK} ("Riski"), its note saying which case ended how, in
 * the transaction that recorded the outcome: the strategy never shows "in progress" or "done" for
 * work that stopped. What follows is the owner's decision (reopen, reschedule, cancel). A case that
 * ends in force moves its measures in its model's own steps. Rule per outcome: ADR 0052.
 */
@Component
class MeasuresFollowOutcomes {

  /** The outcomes after which a case's measures are at risk, with the note's words. */
  static final Map<String, String> AT_RISK_AFTER =
      Map.of(
          "REJECTED", "ei hyväksytty",
          "ANNULLED", "tuomioistuin kumosi päätöksen",
          "CANCELLED", "peruttu",
          "LAPSED", "raukesi",
          "ABANDONED", "siirrosta luovuttiin",
          "PROCUREMENT", "siirto ei ole sidosyksikköhankinta: hankintamenettelyyn");

  private final StrategyService strategy;
  private final MeasureLogRepository measureLog;

  MeasuresFollowOutcomes(StrategyService strategy, MeasureLogRepository measureLog) {
    this.strategy = strategy;
    this.measureLog = measureLog;
  }

  @EventListener
  void stageRecorded(CaseStageRecorded recorded) {
    String words = recorded.outcome() == null ? null : AT_RISK_AFTER.get(recorded.outcome());
    if (words == null) {
      return;
    }
    ChangeSource.Process source =
        new ChangeSource.Process(
            recorded.processKey(), null, recorded.businessKey(), recorded.activityId());
    StatusChange change =
        new StatusChange(
            MeasureStatus.AT_RISK,
            null,
            "Asia "
                + recorded.businessKey()
                + " päättyi: "
                + words
                + ". Omistaja päättää jatkosta.");
    for (String code : measureLog.measuresMovedBy(recorded.businessKey())) {
      strategy.change(code, change, source, true);
    }
  }
}
