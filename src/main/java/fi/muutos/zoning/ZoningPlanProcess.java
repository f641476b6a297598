package fi.muutos.zoning;

/**
 * The constants of {@code processes/zoning/zoning-plan.bpmn}: process key, element ids, messages
 * and variables, used by code and tests alike.
 */
public final class ZoningPlanProcess {

  public static final String KEY = "zoningPlan";
  public static final String VARIANT_DECISION = "zoningPlanVariant";

  private ZoningPlanProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_planInitiated";
    public static final String ANNOUNCE_INITIATION = "userTask_announceInitiation";
    public static final String AUTHORITIES_MEETING = "userTask_authoritiesMeeting";
    public static final String DISPLAY_DRAFT = "userTask_displayDraft";
    public static final String PREPARE_PROPOSAL = "userTask_prepareProposal";
    public static final String STATEMENT_ROUND = "subProcess_statements";
    public static final String STATEMENT_RECEIVED = "receiveTask_awaitStatement";
    public static final String STATEMENT_DEADLINE = "event_statementDeadline";
    public static final String DISPLAY_ENDED = "event_displayEnded";
    public static final String REPLY_TO_REMINDERS = "userTask_replyToReminders";
    public static final String RECORD_DECISION = "userTask_recordDecision";
    public static final String DECISION_RECEIVED = "event_decisionReceived";
    public static final String PUBLISH_NOTICE = "userTask_publishNotice";
    public static final String APPEAL_PERIOD = "gateway_appealPeriod";
    public static final String APPEAL_PERIOD_ENDED = "event_appealPeriodEnded";
    public static final String APPEAL_FILED = "event_appealFiled";
    public static final String APPEAL_DECIDED = "event_appealDecided";
    public static final String ENTRY_INTO_FORCE_NOTICE = "userTask_entryIntoForceNotice";
    public static final String END_IN_FORCE = "endEvent_planInForce";
    public static final String END_ANNULLED = "endEvent_planAnnulled";
    public static final String END_REJECTED = "endEvent_planRejected";
    public static final String END_CANCELLED = "endEvent_planCancelled";

    public static final String MARK_MEASURE_IN_PROGRESS = "serviceTask_markMeasureInProgress";
    public static final String NOTE_MEASURE = "serviceTask_noteMeasure";
    public static final String END_STATEMENT_RECEIVED = "endEvent_statementReceived";
    public static final String END_STATEMENT_MISSING = "endEvent_statementMissing";

    private Elements() {}
  }

  /** BPMN message names (the event inbox's routes name the same). */
  public static final class Messages {
    public static final String DECISION_MADE = "decisionMade";
    public static final String STATEMENT_RECEIVED = "statementReceived";
    public static final String REMINDER_FILED = "reminderFiled";
    public static final String APPEAL_FILED = "appealFiled";
    public static final String APPEAL_DECIDED = "appealDecided";
    public static final String CANCELLED = "processCancelled";

    private Messages() {}
  }

  /** Process variables: ids and gateway facts; the plan's data lives in MU_ZONING_PLAN. */
  public static final class Vars {
    public static final String PLAN_ID = "planId";
    public static final String PLAN_NAME = "planName";
    public static final String PLAN_TYPE = "planType";
    public static final String SIGNIFICANT = "significant";
    public static final String AREA = "areaDescription";
    public static final String ZONING_MEASURE = "zoningMeasure";
    public static final String AUTHORITIES_MEETING = "authoritiesMeeting";
    public static final String DRAFT_STAGE = "draftStage";
    public static final String DISPLAY_DAYS = "displayDays";
    public static final String APPROVING_BODY = "approvingBody";
    public static final String APPROVING_BODY_NAME = "approvingBodyName";
    public static final String ANNOUNCEMENT_DATE = "announcementDate";
    public static final String PROPOSAL_DISPLAY_START = "proposalDisplayStart";
    public static final String STATEMENT_AUTHORITIES = "statementAuthorities";
    public static final String AUTHORITY = "authority";
    public static final String DISPLAY_ENDS_AT = "displayEndsAt";
    public static final String SUBSTANTIAL_CHANGES = "substantialChanges";
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String DECISION_DATE = "decisionDate";
    public static final String NOTICE_DATE = "noticeDate";
    public static final String APPEAL_PERIOD_ENDS_AT = "appealPeriodEndsAt";
    public static final String APPEAL_OUTCOME = "appealOutcome";
    public static final String ENTRY_INTO_FORCE_DATE = "entryIntoForceDate";
    public static final String CANCELLATION_REASON = "cancellationReason";

    private Vars() {}
  }
}
