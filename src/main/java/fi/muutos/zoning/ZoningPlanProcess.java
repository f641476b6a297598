package fi.muutos.zoning;

import fi.muutos.cases.Backdating;
import fi.muutos.cases.CaseKind;
import fi.muutos.platform.Decision;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The constants of {@code processes/zoning/zoning-plan.bpmn}: process key, element ids, messages
 * and variables, used by code and tests alike.
 */
public final class ZoningPlanProcess {

  public static final String KEY = "zoningPlan";
  public static final String VARIANT_DECISION = "zoningPlanVariant";

  /** A plan is a case of this process, in these stages. */
  public static final CaseKind<ZoningStage> CASE = new CaseKind<>(KEY, ZoningStage.class, "plan");

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
    public static final String DECIDE_REDISPLAY = "userTask_decideRedisplay";
    public static final String PROPOSAL_AUTHORITIES_MEETING = "userTask_proposalAuthoritiesMeeting";
    public static final String BOARD_PROPOSAL = "userTask_boardProposal";
    public static final String RECORD_DECISION = "userTask_recordDecision";
    public static final String LEGALITY_CHECK = "userTask_legalityCheck";
    public static final String TAKEN_OVER_BEFORE_NOTICE = "event_takenOverBeforeNotice";
    public static final String TAKEN_OVER_IN_APPEAL_PERIOD = "event_takenOverInAppealPeriod";
    public static final String TAKEN_OVER_UNDER_APPEAL = "event_takenOverUnderAppeal";
    public static final String APPROVAL_UNDONE = "serviceTask_approvalUndone";
    public static final String DECISION_RECEIVED = "event_decisionReceived";
    public static final String PUBLISH_NOTICE = "userTask_publishNotice";
    public static final String APPEAL_PERIOD = "gateway_appealPeriod";
    public static final String APPEAL_PERIOD_ENDED = "event_appealPeriodEnded";
    public static final String CHECK_LEGAL_FORCE = "userTask_checkLegalForce";
    public static final String APPEAL_REPORTED_LATE = "event_appealReportedLate";
    public static final String APPEAL_FILED = "event_appealFiled";
    public static final String APPEAL_DECIDED = "event_appealDecided";
    public static final String RECORD_COURT_DECISION = "serviceTask_recordCourtDecision";
    public static final String AWAIT_COURT = "gateway_awaitCourt";
    public static final String EARLY_ENTRY_ORDERED = "event_earlyEntryOrdered";
    public static final String FURTHER_APPEAL_PERIOD_ENDED = "event_furtherAppealPeriodEnded";
    public static final String FURTHER_APPEAL_FILED = "event_furtherAppealFiled";
    public static final String FURTHER_APPEAL_PERIOD = "gateway_furtherAppealPeriod";
    public static final String CHECK_FURTHER_APPEAL = "userTask_checkFurtherAppeal";
    public static final String RECTIFICATION_REQUESTED = "event_rectificationRequested";
    public static final String RECTIFICATION_REPORTED_LATE = "event_rectificationReportedLate";
    public static final String ANSWER_RECTIFICATION = "userTask_answerRectification";
    public static final String APPEAL_DURING_RECTIFICATION = "event_appealDuringRectification";
    public static final String RECTIFICATION_DURING_APPEAL = "event_rectificationDuringAppeal";
    public static final String RECTIFICATION_DURING_LEGALITY_CHECK =
        "event_rectificationDuringLegalityCheck";
    public static final String RECTIFICATION_DURING_NOTICE = "event_rectificationDuringNotice";
    public static final String INFORM_COURT_OF_REVOCATION = "userTask_informCourtOfRevocation";
    public static final String ANOTHER_APPEAL = "event_anotherAppeal";
    public static final String REPREPARED = "serviceTask_reprepared";
    public static final String APPEAL_AFTER_LEGAL_FORCE = "event_appealAfterLegalForce";
    public static final String CHANGES_AFTER_MEETING = "gateway_changesAfterMeeting";
    public static final String ENTRY_INTO_FORCE_NOTICE = "userTask_entryIntoForceNotice";
    public static final String END_IN_FORCE = "endEvent_planInForce";
    public static final String END_ANNULLED = "endEvent_planAnnulled";
    public static final String END_REJECTED = "endEvent_planRejected";
    public static final String END_CANCELLED = "endEvent_planCancelled";

    public static final String MARK_MEASURE_IN_PROGRESS = "serviceTask_markMeasureInProgress";
    public static final String NOTE_MEASURE = "serviceTask_noteMeasure";
    public static final String REPORT_LEAD_TIMES = "serviceTask_reportLeadTimes";
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
    public static final String LATE_STATEMENT = "lateStatementReceived";
    public static final String MATTER_TAKEN_OVER = "matterTakenOver";
    public static final String EARLY_ENTRY_ORDERED = "earlyEntryIntoForceOrdered";
    public static final String RECTIFICATION_REQUESTED = "rectificationRequested";

    private Messages() {}
  }

  /**
   * Process variables, typed: ids, dates and gateway facts; the plan's data lives in its case
   * record and MU_ZONING_PLAN.
   */
  public static final class Vars extends ZoningAppealVars {
    public static final ProcessVariable<Long> PLAN_ID = ProcessVariable.id("planId");
    public static final ProcessVariable<String> PLAN_NAME = ProcessVariable.text("planName");
    public static final ProcessVariable<String> PLAN_TYPE = ProcessVariable.text("planType");
    public static final ProcessVariable<Boolean> SIGNIFICANT = ProcessVariable.flag("significant");
    public static final ProcessVariable<String> AREA = ProcessVariable.text("areaDescription");

    /**
     * The plan's area as GeoJSON text (start form or API); stored on the plan's record by the first
     * step, then removed.
     */
    public static final ProcessVariable<String> AREA_GEOJSON = ProcessVariable.text("areaGeoJson");

    /** The city's record number (diaarinumero) of the plan's matter, given at start. */
    public static final ProcessVariable<String> RECORD_NUMBER =
        ProcessVariable.text("recordNumber");

    /** The strategy's measures the plan was started for (none by default). */
    public static final ProcessVariable<List<String>> MEASURES = ProcessVariable.list("measures");

    public static final ProcessVariable<Boolean> AUTHORITIES_MEETING =
        ProcessVariable.flag("authoritiesMeeting");
    public static final ProcessVariable<Boolean> DRAFT_STAGE = ProcessVariable.flag("draftStage");
    public static final ProcessVariable<Integer> DISPLAY_DAYS =
        ProcessVariable.count("displayDays");

    /** A longer display the planner chose (the law says "at least"; N18), else the table's. */
    public static final ProcessVariable<Integer> PROPOSAL_DISPLAY_DAYS =
        ProcessVariable.count("proposalDisplayDays");

    public static final ProcessVariable<String> APPROVING_BODY =
        ProcessVariable.text("approvingBody");
    public static final ProcessVariable<String> APPROVING_BODY_NAME =
        ProcessVariable.text("approvingBodyName");
    public static final ProcessVariable<LocalDate> ANNOUNCEMENT_DATE =
        ProcessVariable.date("announcementDate");
    public static final ProcessVariable<LocalDate> PROPOSAL_DISPLAY_START =
        ProcessVariable.date("proposalDisplayStart");
    public static final ProcessVariable<List<String>> STATEMENT_AUTHORITIES =
        ProcessVariable.list("statementAuthorities");
    public static final ProcessVariable<String> AUTHORITY = ProcessVariable.text("authority");
    public static final ProcessVariable<OffsetDateTime> DISPLAY_ENDS_AT =
        ProcessVariable.moment("displayEndsAt");
    public static final ProcessVariable<Boolean> SUBSTANTIAL_CHANGES =
        ProcessVariable.flag("substantialChanges");

    /**
     * After the display and after the proposal-stage meeting: NONE, REDISPLAY (displayed again), or
     * HEARD (changes slightly affecting private interests, those concerned heard instead, MRA 32 §,
     * with whom and when). The replies task's answer sets {@link #SUBSTANTIAL_CHANGES}.
     */
    public static final ProcessVariable<String> PROPOSAL_CHANGES =
        ProcessVariable.text("proposalChanges");

    public static final ProcessVariable<String> CHANGES_HEARD_PARTIES =
        ProcessVariable.text("changesHeardParties");
    public static final ProcessVariable<LocalDate> CHANGES_HEARD_ON =
        ProcessVariable.date("changesHeardOn");
    public static final ProcessVariable<String> MEETING_CHANGES =
        ProcessVariable.text("meetingChanges");
    public static final ProcessVariable<String> MEETING_HEARD_PARTIES =
        ProcessVariable.text("meetingHeardParties");
    public static final ProcessVariable<LocalDate> MEETING_HEARD_ON =
        ProcessVariable.date("meetingHeardOn");
    public static final ProcessVariable<String> DECISION_OUTCOME = Decision.OUTCOME;
    public static final ProcessVariable<LocalDate> DECISION_DATE = Decision.DATE;
    public static final ProcessVariable<String> DECISION_BODY = Decision.BODY;

    /** The municipality's bodies, the choices of the decision form's body field. */
    public static final ProcessVariable<List<Map<String, String>>> DECISION_BODIES =
        ProcessVariable.choices("decisionBodies");

    public static final ProcessVariable<LocalDate> NOTICE_DATE = ProcessVariable.date("noticeDate");
    public static final ProcessVariable<OffsetDateTime> APPEAL_PERIOD_ENDS_AT =
        ProcessVariable.moment("appealPeriodEndsAt");
    public static final ProcessVariable<String> APPEAL_OUTCOME =
        ProcessVariable.text("appealOutcome");
    public static final ProcessVariable<LocalDate> ENTRY_INTO_FORCE_DATE =
        ProcessVariable.date("entryIntoForceDate");
    public static final ProcessVariable<String> CANCELLATION_REASON =
        ProcessVariable.text("cancellationReason");

    /** A revocation after the approval: the approving body's decision, its date and section. */
    public static final ProcessVariable<String> CANCELLATION_BODY =
        ProcessVariable.text("cancellationBody");

    public static final ProcessVariable<LocalDate> CANCELLATION_DATE =
        ProcessVariable.date("cancellationDate");
    public static final ProcessVariable<String> CANCELLATION_SECTION =
        ProcessVariable.text("cancellationSection");

    /** The authorities whose statements the current display round requests, one branch each. */
    public static final ProcessVariable<List<String>> STATEMENT_REQUESTS =
        ProcessVariable.list("statementRequests");

    /** Each requested statement's deadline (authority → ISO moment), its branch's timer. */
    public static final ProcessVariable<Map<String, String>> STATEMENT_DEADLINES =
        ProcessVariable.textMap("statementDeadlines");

    /** A statement's date, from the fi.muutos.zoning.statement.received event. */
    public static final ProcessVariable<LocalDate> STATEMENT_DATE =
        ProcessVariable.date("statementDate");

    public static final ProcessVariable<LocalDate> MEETING_DATE =
        ProcessVariable.date("meetingDate");
    public static final ProcessVariable<LocalDate> DRAFT_DISPLAY_START =
        ProcessVariable.date("draftDisplayStart");
    public static final ProcessVariable<LocalDate> DRAFT_DISPLAY_END =
        ProcessVariable.date("draftDisplayEnd");

    /** The registry's check before legal force, and when it is due. */
    public static final ProcessVariable<Boolean> APPEALS_LODGED =
        ProcessVariable.flag("appealsLodged");

    public static final ProcessVariable<String> LEGAL_FORCE_CHECK =
        ProcessVariable.text("legalForceCheck");
    public static final ProcessVariable<LocalDate> LEGAL_FORCE_CHECK_DUE =
        ProcessVariable.date("legalForceCheckDue");

    /** A reminder's data, from the fi.muutos.zoning.reminder.filed event. */
    public static final ProcessVariable<LocalDate> REMINDER_DATE =
        ProcessVariable.date("reminderDate");

    public static final ProcessVariable<String> REMINDER_REFERENCE =
        ProcessVariable.text("reminderReference");

    /** A redisplay's own decision, first day and statement requests (AKL 65 §, MRA 32 §). */
    public static final ProcessVariable<LocalDate> REDISPLAY_DECISION_DATE =
        ProcessVariable.date("redisplayDecisionDate");

    public static final ProcessVariable<LocalDate> REDISPLAY_START =
        ProcessVariable.date("redisplayStart");
    public static final ProcessVariable<List<String>> REDISPLAY_AUTHORITIES =
        ProcessVariable.list("redisplayAuthorities");
    public static final ProcessVariable<String> REDISPLAY_DECISION_BODY =
        ProcessVariable.text("redisplayDecisionBody");
    public static final ProcessVariable<LocalDate> REDISPLAY_NOTICE_DATE =
        ProcessVariable.date("redisplayNoticeDate");
    public static final ProcessVariable<LocalDate> REDISPLAY_LETTERS_DATE =
        ProcessVariable.date("redisplayLettersDate");
    public static final ProcessVariable<String> REDISPLAY_LETTERS_NOT_NEEDED =
        ProcessVariable.text("redisplayLettersNotNeeded");

    /** Why an expected statement body is not asked (MRA 20 §, 28 §), on the task's record. */
    public static final ProcessVariable<String> STATEMENT_OMISSION_REASON =
        ProcessVariable.text("statementOmissionReason");

    public static final ProcessVariable<String> REDISPLAY_STATEMENT_REASON =
        ProcessVariable.text("redisplayStatementReason");

    /**
     * Putting the proposal on display: the planning body's decision, the public notice, and the
     * letters to landowners living elsewhere (MRA 19 §, 27 §), or why none were needed.
     */
    public static final ProcessVariable<LocalDate> DISPLAY_DECISION_DATE =
        ProcessVariable.date("displayDecisionDate");

    public static final ProcessVariable<String> DISPLAY_DECISION_BODY =
        ProcessVariable.text("displayDecisionBody");
    public static final ProcessVariable<LocalDate> DISPLAY_NOTICE_DATE =
        ProcessVariable.date("displayNoticeDate");
    public static final ProcessVariable<LocalDate> LANDOWNER_LETTERS_DATE =
        ProcessVariable.date("landownerLettersDate");

    /** Why no letters went (the owners accepted the proposal, none live elsewhere, ...). */
    public static final ProcessVariable<String> LANDOWNER_LETTERS_NOT_NEEDED =
        ProcessVariable.text("landownerLettersNotNeeded");

    /** The initiation was announced in the annual planning review (AKL 63 §). */
    public static final ProcessVariable<Boolean> INITIATION_IN_REVIEW =
        ProcessVariable.flag("initiationInReview");

    /** A minor change's opinions taken with the initiation notice (MRA 30 §). */
    public static final ProcessVariable<LocalDate> INITIATION_OPINIONS_UNTIL =
        ProcessVariable.date("initiationOpinionsUntil");

    public static final ProcessVariable<String> INITIATION_OPINION_SUMMARY =
        ProcessVariable.text("initiationOpinionSummary");

    /** The authorities' meeting after the proposal's display, where needed (AKL 66 §). */
    public static final ProcessVariable<Boolean> PROPOSAL_AUTHORITIES_MEETING =
        ProcessVariable.flag("proposalAuthoritiesMeeting");

    public static final ProcessVariable<LocalDate> PROPOSAL_MEETING_DATE =
        ProcessVariable.date("proposalMeetingDate");
    public static final ProcessVariable<String> PROPOSAL_MEETING_MINUTES =
        ProcessVariable.text("proposalMeetingMinutes");

    /** The board's proposal to the council, recorded by the registry (kuntalaki 39 §). */
    public static final ProcessVariable<LocalDate> BOARD_PROPOSAL_DATE =
        ProcessVariable.date("boardProposalDate");

    /** Whether the council made the decision (facts the decision check writes, not a person). */
    public static final ProcessVariable<Boolean> DECISION_BY_COUNCIL =
        ProcessVariable.flag("decisionByCouncil");

    /** The board took the matter over (kuntalaki 92 §): only the board decides it from then on. */
    public static final ProcessVariable<String> TAKE_OVER_BODY =
        ProcessVariable.text("takeOverBody");

    public static final ProcessVariable<LocalDate> TAKE_OVER_DATE =
        ProcessVariable.date("takeOverDate");
    public static final ProcessVariable<Boolean> TAKEN_OVER = ProcessVariable.flag("takenOver");

    /** The board's legality check of a council decision (kuntalaki 96 §): LAWFUL, REFERRED_BACK. */
    public static final ProcessVariable<String> LEGALITY_CHECK_RESULT =
        Decision.LEGALITY_CHECK_RESULT;

    public static final ProcessVariable<LocalDate> LEGALITY_CHECK_DATE =
        Decision.LEGALITY_CHECK_DATE;

    /** The approval notice went to those AKL 67 § names (the registry confirms each). */
    public static final ProcessVariable<Boolean> NOTIFIED_ELINVOIMAKESKUS =
        ProcessVariable.flag("notifiedElinvoimakeskus");

    /** The day the elinvoimakeskus received the AKL 67 § notice: its 14 days (195 §) start. */
    public static final ProcessVariable<LocalDate> ELINVOIMAKESKUS_NOTIFIED_ON =
        ProcessVariable.date("elinvoimakeskusNotifiedOn");

    public static final ProcessVariable<Boolean> NOTIFIED_REGIONAL_COUNCIL =
        ProcessVariable.flag("notifiedRegionalCouncil");
    public static final ProcessVariable<Boolean> NOTIFIED_REMINDER_FILERS =
        ProcessVariable.flag("notifiedReminderFilers");

    /** Why a legal date is earlier than the day it is entered (an earlier act registered now). */
    public static final ProcessVariable<String> BACKDATING_REASON = Backdating.REASON;

    // What the forms record for the case's history; no code reads these.
    public static final ProcessVariable<String> BOARD_PROPOSAL_SECTION =
        ProcessVariable.text("boardProposalSection");
    public static final ProcessVariable<String> RECTIFICATION_ANSWER_SECTION =
        ProcessVariable.text("rectificationAnswerSection");
    public static final ProcessVariable<String> COURT_NOTICE = ProcessVariable.text("courtNotice");
    public static final ProcessVariable<String> DECISION_SECTION = Decision.SECTION;
    public static final ProcessVariable<String> ENTRY_INTO_FORCE_NOTICE =
        ProcessVariable.text("entryIntoForceNotice");
    public static final ProcessVariable<String> MEETING_MINUTES =
        ProcessVariable.text("meetingMinutes");
    public static final ProcessVariable<String> OAS_REFERENCE =
        ProcessVariable.text("oasReference");
    public static final ProcessVariable<Integer> OPINION_COUNT =
        ProcessVariable.count("opinionCount");
    public static final ProcessVariable<String> OPINION_SUMMARY =
        ProcessVariable.text("opinionSummary");
    public static final ProcessVariable<String> PROPOSAL_SUMMARY =
        ProcessVariable.text("proposalSummary");
    public static final ProcessVariable<String> REMINDER_REPLIES =
        ProcessVariable.text("reminderReplies");

    /**
     * AKL 65 § 2 mom: the reasoned positions were sent to the muistuttajat who asked for them in
     * writing (SENT, with the day), or nobody asked (NOBODY_ASKED).
     */
    public static final ProcessVariable<String> REMINDER_REPLIES_SENT =
        ProcessVariable.text("reminderRepliesSent");

    public static final ProcessVariable<LocalDate> REMINDER_REPLIES_SENT_ON =
        ProcessVariable.date("reminderRepliesSentOn");

    private Vars() {}
  }
}
