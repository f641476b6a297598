package fi.muutos.organisation;

import fi.muutos.cases.CaseKind;
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
    public static final String ELECT_COMMITTEE = "userTask_electCommittee";
    public static final String DELEGATIONS = "userTask_delegationDecisions";
    public static final String STAFF_PLACEMENT = "userTask_staffPlacement";
    public static final String RECORDS = "userTask_recordsReconfiguration";
    public static final String BUDGET = "userTask_budgetBindingLevels";
    public static final String PUBLISH_DECISION = "userTask_publishDecision";
    public static final String APPEAL_PERIOD_ENDED = "event_appealPeriodEnded";
    public static final String ENTRY_INTO_FORCE = "event_entryIntoForce";
    public static final String FOLLOW_UP_DUE = "event_followUpDue";
    public static final String FOLLOW_UP = "userTask_followUpReview";
    public static final String END_DONE = "endEvent_reformReviewed";
    public static final String END_REJECTED = "endEvent_reformRejected";

    public static final String MEASURES_IN_PROGRESS = "serviceTask_measuresInProgress";
    public static final String MEASURES_DONE = "serviceTask_measuresDone";

    private Elements() {}
  }

  /** Process variables, typed; the reform's data lives in its case record and MU_REFORM*. */
  public static final class Vars {
    public static final ProcessVariable<Long> REFORM_ID = ProcessVariable.id("reformId");

    /** The measures (codes) the reform advances; its measure steps move them. */
    public static final ProcessVariable<List<String>> MEASURES = ProcessVariable.list("measures");

    public static final ProcessVariable<String> NAME = ProcessVariable.text("reformName");
    public static final ProcessVariable<LocalDate> EFFECTIVE_DATE =
        ProcessVariable.date("effectiveDate");
    public static final ProcessVariable<List<String>> COMMITTEES =
        ProcessVariable.list("committees");
    public static final ProcessVariable<List<String>> DIVISIONS = ProcessVariable.list("divisions");
    public static final ProcessVariable<Integer> FOLLOW_UP_MONTHS =
        ProcessVariable.count("followUpMonths");
    public static final ProcessVariable<String> COMMITTEE = ProcessVariable.text("committee");
    public static final ProcessVariable<OffsetDateTime> ENTRY_INTO_FORCE_AT =
        ProcessVariable.moment("entryIntoForceAt");
    public static final ProcessVariable<OffsetDateTime> FOLLOW_UP_AT =
        ProcessVariable.moment("followUpAt");
    public static final ProcessVariable<OffsetDateTime> APPEAL_PERIOD_ENDS_AT =
        ProcessVariable.moment("appealPeriodEndsAt");
    public static final ProcessVariable<String> DECISION_OUTCOME = Decision.OUTCOME;
    public static final ProcessVariable<LocalDate> DECISION_DATE = Decision.DATE;
    public static final ProcessVariable<String> DECISION_BODY = Decision.BODY;
    public static final ProcessVariable<LocalDate> NOTICE_DATE = ProcessVariable.date("noticeDate");
    public static final ProcessVariable<LocalDate> COOPERATION_START =
        ProcessVariable.date("cooperationStart");
    public static final ProcessVariable<LocalDate> COOPERATION_END =
        ProcessVariable.date("cooperationEnd");
    public static final ProcessVariable<LocalDate> BOARD_DATE = ProcessVariable.date("boardDate");
    public static final ProcessVariable<String> MEMBERS = ProcessVariable.text("members");
    public static final ProcessVariable<Integer> WOMEN = ProcessVariable.count("women");
    public static final ProcessVariable<Integer> MEN = ProcessVariable.count("men");

    public static final ProcessVariable<String> DRAFT_REFERENCE =
        ProcessVariable.text("draftReference");
    public static final ProcessVariable<String> COOPERATION_MINUTES =
        ProcessVariable.text("cooperationMinutes");
    public static final ProcessVariable<String> REVIEW_SUMMARY =
        ProcessVariable.text("reviewSummary");

    // What the forms record for the case's history; no code reads these.
    public static final ProcessVariable<String> DECISION_SECTION = Decision.SECTION;
    public static final ProcessVariable<String> BOARD_SECTION =
        ProcessVariable.text("boardSection");
    public static final ProcessVariable<String> BUDGET_BINDING_LEVELS =
        ProcessVariable.text("budgetBindingLevels");
    public static final ProcessVariable<String> DELEGATION_DECISIONS =
        ProcessVariable.text("delegationDecisions");
    public static final ProcessVariable<String> DRAFT_SUMMARY =
        ProcessVariable.text("draftSummary");
    public static final ProcessVariable<String> RECORDS_CHANGES =
        ProcessVariable.text("recordsChanges");
    public static final ProcessVariable<String> STAFF_PLACEMENT =
        ProcessVariable.text("staffPlacement");

    private Vars() {}
  }
}
