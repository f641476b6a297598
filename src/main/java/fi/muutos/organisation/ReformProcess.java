package fi.muutos.organisation;

/** The constants of {@code processes/organisation/organisation-reform.bpmn}. */
public final class ReformProcess {

  public static final String KEY = "organisationReform";

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

  /** Process variables. */
  public static final class Vars {
    public static final String REFORM_ID = "reformId";
    public static final String NAME = "reformName";
    public static final String EFFECTIVE_DATE = "effectiveDate";
    public static final String COMMITTEES = "committees";
    public static final String DIVISIONS = "divisions";
    public static final String FOLLOW_UP_MONTHS = "followUpMonths";
    public static final String COMMITTEE = "committee";
    public static final String ENTRY_INTO_FORCE_AT = "entryIntoForceAt";
    public static final String FOLLOW_UP_AT = "followUpAt";
    public static final String APPEAL_PERIOD_ENDS_AT = "appealPeriodEndsAt";
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String DECISION_DATE = "decisionDate";
    public static final String NOTICE_DATE = "noticeDate";
    public static final String COOPERATION_START = "cooperationStart";
    public static final String COOPERATION_END = "cooperationEnd";
    public static final String BOARD_DATE = "boardDate";
    public static final String MEMBERS = "members";
    public static final String WOMEN = "women";
    public static final String MEN = "men";

    private Vars() {}
  }
}
