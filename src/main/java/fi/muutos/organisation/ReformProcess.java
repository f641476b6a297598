package fi.muutos.organisation;

import fi.muutos.cases.CaseKind;
import fi.muutos.platform.Cooperation;
import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.Decision;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The constants of {@code processes/organisation/organisation-reform.bpmn}. */
public final class ReformProcess {

  public static final String KEY = "organisationReform";

  /** A reform is a case of this process, in these stages. */
  public static final CaseKind<ReformStage> CASE = new CaseKind<>(KEY, ReformStage.class, "reform");

  private ReformProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String DRAFT = "userTask_draftReform";
    public static final String COOPERATION = "userTask_cooperation";
    public static final String BOARD_PROPOSAL = "userTask_boardProposal";
    public static final String RECORD_DECISION = "userTask_recordCouncilDecision";
    public static final String DECISION_RECEIVED = "event_councilDecisionReceived";
    public static final String LEGALITY_CHECK = "userTask_legalityCheck";
    public static final String BODY = "subProcess_body";
    public static final String ELECT_COMMITTEE = "userTask_electCommittee";
    public static final String DELEGATIONS = "userTask_delegationDecisions";
    public static final String NEW_TERM_STARTS = "event_newTermStarts";
    public static final String STAFF_PLACEMENT = "userTask_staffPlacement";
    public static final String RECORDS = "userTask_recordsReconfiguration";
    public static final String BUDGET = "userTask_budgetBindingLevels";
    public static final String TRANSITIONAL_RULES = "userTask_transitionalRules";
    public static final String PUBLISH_DECISION = "userTask_publishDecision";
    public static final String APPEAL_PERIOD_ENDED = "event_appealPeriodEnded";
    public static final String CHECK_APPEALS = CourtEvents.CHECK_APPEALS;
    public static final String APPEAL_DECIDED = "event_appealDecided";
    public static final String LATER_COURT_DECISION = "event_laterCourtDecision";
    public static final String ENTRY_INTO_FORCE = "event_entryIntoForce";
    public static final String BAN_RECHECK = "event_banRecheck";
    public static final String FOLLOW_UP_DUE = "event_followUpDue";
    public static final String FOLLOW_UP = "userTask_followUpReview";
    public static final String END_DONE = "endEvent_reformReviewed";
    public static final String END_REJECTED = "endEvent_reformRejected";
    public static final String END_ANNULLED = "endEvent_reformAnnulled";

    public static final String MEASURES_IN_PROGRESS = "serviceTask_measuresInProgress";
    public static final String MEASURES_DONE = "serviceTask_measuresDone";

    /** The steps that enforce the council's decision: an enforcement ban stops them. */
    public static final List<String> ENFORCEMENT =
        List.of(ELECT_COMMITTEE, DELEGATIONS, STAFF_PLACEMENT, RECORDS, BUDGET, TRANSITIONAL_RULES);

    private Elements() {}
  }

  /** Process variables, typed; the reform's data lives in its case record and MU_REFORM*. */
  public static final class Vars {
    public static final ProcessVariable<Long> REFORM_ID = ProcessVariable.id("reformId");

    /** The measures (codes) the reform advances; its measure steps move them. */
    public static final ProcessVariable<List<String>> MEASURES = ProcessVariable.list("measures");

    public static final ProcessVariable<String> NAME = ProcessVariable.text("reformName");

    /** The date the start proposes; the council's decision sets the effective date. */
    public static final ProcessVariable<LocalDate> PROPOSED_EFFECTIVE_DATE =
        ProcessVariable.date("proposedEffectiveDate");

    /** The effective date the council decided (decision form or the decision event's data). */
    public static final ProcessVariable<LocalDate> EFFECTIVE_DATE = Decision.EFFECTIVE_DATE;

    /** Where the bodies are first elected for an interim term: its last day. */
    public static final ProcessVariable<LocalDate> INTERIM_TERM_ENDS =
        ProcessVariable.date("interimTermEnds");

    public static final ProcessVariable<List<String>> COMMITTEES =
        ProcessVariable.list("committees");
    public static final ProcessVariable<List<String>> DIVISIONS = ProcessVariable.list("divisions");
    public static final ProcessVariable<Integer> FOLLOW_UP_MONTHS =
        ProcessVariable.count("followUpMonths");
    public static final ProcessVariable<String> COMMITTEE = ProcessVariable.text("committee");

    /** The term the bodies are being elected for: 1, or 2 after an interim term. */
    public static final ProcessVariable<Integer> ELECTION_TERM =
        ProcessVariable.count("electionTerm");

    public static final ProcessVariable<OffsetDateTime> NEXT_TERM_STARTS_AT =
        ProcessVariable.moment("nextTermStartsAt");
    public static final ProcessVariable<OffsetDateTime> ENTRY_INTO_FORCE_AT =
        ProcessVariable.moment("entryIntoForceAt");
    public static final ProcessVariable<Boolean> ENFORCEMENT_BANNED =
        CourtEvents.ENFORCEMENT_BANNED;
    public static final ProcessVariable<OffsetDateTime> NEXT_CHECK_AT = CourtEvents.NEXT_CHECK_AT;
    public static final ProcessVariable<Boolean> APPEALS_LODGED = CourtEvents.APPEALS_LODGED;
    public static final ProcessVariable<String> APPEAL_CHECK = CourtEvents.APPEAL_CHECK;
    public static final ProcessVariable<OffsetDateTime> APPEAL_CHECK_DUE =
        CourtEvents.APPEAL_CHECK_DUE;
    public static final ProcessVariable<OffsetDateTime> FOLLOW_UP_AT =
        ProcessVariable.moment("followUpAt");
    public static final ProcessVariable<OffsetDateTime> APPEAL_PERIOD_ENDS_AT =
        CourtEvents.APPEAL_PERIOD_ENDS_AT;
    public static final ProcessVariable<Boolean> APPEALS_PENDING = CourtEvents.APPEALS_PENDING;
    public static final ProcessVariable<String> DECISION_OUTCOME = Decision.OUTCOME;
    public static final ProcessVariable<LocalDate> DECISION_DATE = Decision.DATE;
    public static final ProcessVariable<String> DECISION_BODY = Decision.BODY;

    /** The board's legality check of the council's decision (kuntalaki 96 §). */
    public static final ProcessVariable<String> LEGALITY_CHECK_RESULT =
        Decision.LEGALITY_CHECK_RESULT;

    public static final ProcessVariable<LocalDate> LEGALITY_CHECK_DATE =
        Decision.LEGALITY_CHECK_DATE;

    /** The day the minutes were put on public display (kuntalaki 140 §). */
    public static final ProcessVariable<LocalDate> NOTICE_DATE = Decision.NOTICE_DATE;

    public static final ProcessVariable<LocalDate> COOPERATION_START = Cooperation.START;
    public static final ProcessVariable<LocalDate> COOPERATION_END = Cooperation.END;
    public static final ProcessVariable<LocalDate> BOARD_DATE = Cooperation.BOARD_DATE;

    // the council's election of a body (tasa-arvolaki 4 a §)
    public static final ProcessVariable<LocalDate> ELECTION_DATE =
        ProcessVariable.date("electionDate");
    public static final ProcessVariable<String> MEMBERS = ProcessVariable.text("members");
    public static final ProcessVariable<String> DEPUTIES = ProcessVariable.text("deputies");
    public static final ProcessVariable<Integer> WOMEN = ProcessVariable.count("women");
    public static final ProcessVariable<Integer> MEN = ProcessVariable.count("men");
    public static final ProcessVariable<Integer> DEPUTY_WOMEN =
        ProcessVariable.count("deputyWomen");
    public static final ProcessVariable<Integer> DEPUTY_MEN = ProcessVariable.count("deputyMen");
    public static final ProcessVariable<String> CHAIR = ProcessVariable.text("chair");
    public static final ProcessVariable<String> VICE_CHAIR = ProcessVariable.text("viceChair");

    /** The written exceptional reason that lets a body miss the 40 % rule. */
    public static final ProcessVariable<String> BALANCE_EXCEPTION =
        ProcessVariable.text("balanceExceptionReason");

    // the body's delegation decision, once it is constituted (kuntalaki 91 §)
    public static final ProcessVariable<LocalDate> CONSTITUTED_ON =
        ProcessVariable.date("constitutedOn");
    public static final ProcessVariable<LocalDate> DELEGATION_DATE =
        ProcessVariable.date("delegationDate");

    // budget binding levels: a council decision (kuntalaki 110 §)
    public static final ProcessVariable<LocalDate> BUDGET_DECISION_DATE =
        ProcessVariable.date("budgetDecisionDate");

    // transitional rules, each confirmed
    public static final ProcessVariable<Boolean> PENDING_MATTERS_TRANSFERRED =
        ProcessVariable.flag("pendingMattersTransferred");
    public static final ProcessVariable<Boolean> OLD_DELEGATIONS_HANDLED =
        ProcessVariable.flag("oldDelegationsHandled");
    public static final ProcessVariable<Boolean> SIGNING_RIGHTS_UPDATED =
        ProcessVariable.flag("signingRightsUpdated");
    public static final ProcessVariable<Boolean> LAST_MEETINGS_HELD =
        ProcessVariable.flag("lastMeetingsHeld");

    // appeals and enforcement bans (events from the court, via case management)
    public static final ProcessVariable<String> APPEAL_COURT = CourtEvents.APPEAL_COURT;
    public static final ProcessVariable<LocalDate> APPEAL_DATE = CourtEvents.APPEAL_DATE;
    public static final ProcessVariable<String> APPEAL_REFERENCE = CourtEvents.APPEAL_REFERENCE;
    public static final ProcessVariable<String> APPEAL_OUTCOME = CourtEvents.APPEAL_OUTCOME;
    public static final ProcessVariable<LocalDate> APPEAL_DECISION_DATE =
        CourtEvents.APPEAL_DECISION_DATE;
    public static final ProcessVariable<LocalDate> BAN_DATE = CourtEvents.BAN_DATE;
    public static final ProcessVariable<LocalDate> BAN_LIFTED_DATE = CourtEvents.BAN_LIFTED_DATE;

    public static final ProcessVariable<String> DRAFT_REFERENCE =
        ProcessVariable.text("draftReference");
    public static final ProcessVariable<String> COOPERATION_MINUTES = Cooperation.MINUTES;
    public static final ProcessVariable<String> REVIEW_SUMMARY =
        ProcessVariable.text("reviewSummary");

    // What the forms record for the case's history; no code reads these.
    public static final ProcessVariable<String> DECISION_SECTION = Decision.SECTION;
    public static final ProcessVariable<String> BOARD_SECTION =
        ProcessVariable.text("boardSection");
    public static final ProcessVariable<String> BUDGET_BINDING_LEVELS =
        ProcessVariable.text("budgetBindingLevels");
    public static final ProcessVariable<String> BUDGET_DECISION_SECTION =
        ProcessVariable.text("budgetDecisionSection");
    public static final ProcessVariable<String> DELEGATION_DECISIONS =
        ProcessVariable.text("delegationDecisions");
    public static final ProcessVariable<String> TRANSITIONAL_RULES =
        ProcessVariable.text("transitionalRules");
    public static final ProcessVariable<String> ELECTION_SECTION =
        ProcessVariable.text("electionSection");
    public static final ProcessVariable<String> DRAFT_SUMMARY =
        ProcessVariable.text("draftSummary");
    public static final ProcessVariable<String> RECORDS_CHANGES =
        ProcessVariable.text("recordsChanges");
    public static final ProcessVariable<String> STAFF_PLACEMENT =
        ProcessVariable.text("staffPlacement");
    public static final ProcessVariable<String> BAN_COURT = CourtEvents.BAN_COURT;
    public static final ProcessVariable<String> BAN_REFERENCE = CourtEvents.BAN_REFERENCE;
    public static final ProcessVariable<Boolean> REDUCTIONS_CONSIDERED =
        Cooperation.REDUCTIONS_CONSIDERED;
    public static final ProcessVariable<String> APPEAL_DECISION_COURT =
        CourtEvents.APPEAL_DECISION_COURT;
    public static final ProcessVariable<LocalDate> APPEAL_SERVED_ON = CourtEvents.APPEAL_SERVED_ON;
    public static final ProcessVariable<Boolean> ANNULMENT_APPEALABLE =
        CourtEvents.ANNULMENT_APPEALABLE;
    public static final ProcessVariable<Boolean> APPEALS_SETTLED = CourtEvents.APPEALS_SETTLED;

    private Vars() {}
  }
}
