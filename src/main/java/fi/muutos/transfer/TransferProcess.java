package fi.muutos.transfer;

import fi.muutos.cases.CaseKind;
import fi.muutos.platform.Cooperation;
import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.Decision;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The constants of {@code processes/transfer/service-transfer.bpmn}. */
public final class TransferProcess {

  public static final String KEY = "serviceTransfer";

  /** A transfer is a case of this process, in these stages. */
  public static final CaseKind<TransferStage> CASE =
      new CaseKind<>(KEY, TransferStage.class, "transfer");

  private TransferProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String OPTIONS = "userTask_optionsAnalysis";
    public static final String IN_HOUSE_CHECK = "userTask_inHouseCheck";
    public static final String NOT_IN_HOUSE = "userTask_notInHouse";
    public static final String COOPERATION = "userTask_cooperation";
    public static final String BOARD_PROPOSAL = "userTask_boardProposal";
    public static final String RECORD_DECISION = "userTask_recordCouncilDecision";
    public static final String LEGALITY_CHECK = "userTask_legalityCheck";
    public static final String PUBLISH_DECISION = "userTask_publishDecision";
    public static final String APPEAL_PERIOD_ENDED = "event_appealPeriodEnded";
    public static final String CHECK_APPEALS = CourtEvents.CHECK_APPEALS;
    public static final String FOUND_COMPANY = "userTask_foundCompany";
    public static final String FILE_REGISTRATION = "userTask_fileRegistration";
    public static final String REGISTRATION_LAPSES = "event_registrationLapses";
    public static final String COMPANY_REGISTERED = "receiveTask_companyRegistered";
    public static final String REGISTRATION_DEADLINE_NEAR = "event_registrationDeadlineNear";
    public static final String REGISTRATION_WARNING = "userTask_registrationWarning";
    public static final String JOIN_COMPANY = "userTask_joinCompany";
    public static final String JOINING_AGREEMENT = "userTask_joiningAgreement";
    public static final String PENSION = "userTask_pensionArrangement";
    public static final String STAFF_TRANSFER = "userTask_staffTransfer";
    public static final String AGREEMENTS = "userTask_agreements";
    public static final String DATA_HANDOVER = "userTask_dataHandover";
    public static final String WATER_DUTIES = "userTask_waterDuties";
    public static final String TRANSFER_DATE = "event_transferDate";
    public static final String INFORM_REPRESENTATIVES = "userTask_informStaffRepresentatives";
    public static final String OWNERSHIP_STEERING = "userTask_ownershipSteering";
    public static final String END_DONE = "endEvent_transferDone";
    public static final String END_REJECTED = "endEvent_transferRejected";
    public static final String END_PROCUREMENT = "endEvent_procurement";
    public static final String END_ABANDONED = "endEvent_abandoned";
    public static final String END_LAPSED = "endEvent_foundingLapsed";

    /** The branches that may apply after the decision, in the order the API lists them. */
    public static final java.util.List<String> BRANCHES =
        java.util.List.of(
            FOUND_COMPANY,
            FILE_REGISTRATION,
            JOIN_COMPANY,
            JOINING_AGREEMENT,
            PENSION,
            STAFF_TRANSFER,
            AGREEMENTS,
            DATA_HANDOVER,
            WATER_DUTIES);

    public static final String MEASURES_IN_PROGRESS = "serviceTask_measuresInProgress";
    public static final String MEASURES_DONE = "serviceTask_measuresDone";
    public static final String APPEAL_DECIDED = "event_appealDecided";
    public static final String LATER_COURT_DECISION = "event_laterCourtDecision";
    public static final String BAN_RECHECK = "event_transferBanRecheck";
    public static final String END_ANNULLED = "endEvent_transferAnnulled";

    private Elements() {}
  }

  /** Process variables (gateway facts; the transfer's data lives in MU_TRANSFER). */
  public static final class Vars {
    public static final ProcessVariable<Long> TRANSFER_ID = ProcessVariable.id("transferId");

    /** The measures (codes) the transfer advances; its measure steps move them. */
    public static final ProcessVariable<List<String>> MEASURES = ProcessVariable.list("measures");

    public static final ProcessVariable<String> SERVICE_NAME = ProcessVariable.text("serviceName");
    public static final ProcessVariable<String> SERVICE_KIND = ProcessVariable.text("serviceKind");
    public static final ProcessVariable<String> RECIPIENT = ProcessVariable.text("recipient");

    /** NEW_COMPANY, EXISTING_COMPANY or JOINING_AGREEMENT ({@link Arrangement}). */
    public static final ProcessVariable<String> ARRANGEMENT = ProcessVariable.text("arrangement");

    public static final ProcessVariable<Boolean> STAFF_MOVING = ProcessVariable.flag("staffMoving");

    /**
     * The options task's answer: the arrangement changes the staff's work although nobody moves
     * (449/2007 4 §; review T5); co-operation unless it says no.
     */
    public static final ProcessVariable<Boolean> STAFF_AFFECTED =
        ProcessVariable.flag("staffAffected");

    /** The in-house assessment's result (hankintalaki 15 §), set by the assessment. */
    public static final ProcessVariable<Boolean> IN_HOUSE = ProcessVariable.flag("inHouse");

    // the in-house assessment's facts
    /** The three conditions of (joint) control, hankintalaki 15 § 2 mom (review T1). */
    public static final ProcessVariable<Boolean> CONTROL_REPRESENTED =
        ProcessVariable.flag("controlRepresented");

    public static final ProcessVariable<Boolean> CONTROL_DECISIVE =
        ProcessVariable.flag("controlDecisive");
    public static final ProcessVariable<Boolean> CONTROL_NO_CONTRARY_INTERESTS =
        ProcessVariable.flag("controlNoContraryInterests");
    public static final ProcessVariable<Double> BUSINESS_WITH_OWNERS =
        ProcessVariable.decimal("businessWithOwners");

    /** The company's business with others than its owners, in euros (hankintalaki 15 §). */
    public static final ProcessVariable<Double> OUTSIDE_TURNOVER =
        ProcessVariable.decimal("outsideTurnover");

    public static final ProcessVariable<Boolean> PRIVATE_CAPITAL =
        ProcessVariable.flag("privateCapital");

    /** Not in-house: PROCUREMENT (a competitive tendering instead) or ABANDON. */
    public static final ProcessVariable<String> NOT_IN_HOUSE_PATH =
        ProcessVariable.text("notInHousePath");

    /** Dismissals, lay-offs or part-timing are considered (the 14-day minimum, 449/2007). */
    public static final ProcessVariable<Boolean> REDUCTIONS_CONSIDERED =
        Cooperation.REDUCTIONS_CONSIDERED;

    public static final ProcessVariable<String> LEGALITY_CHECK_RESULT =
        Decision.LEGALITY_CHECK_RESULT;
    public static final ProcessVariable<LocalDate> LEGALITY_CHECK_DATE =
        Decision.LEGALITY_CHECK_DATE;

    // appeals and enforcement bans (events from the court, via case management; review T2)
    public static final ProcessVariable<String> APPEAL_COURT = CourtEvents.APPEAL_COURT;
    public static final ProcessVariable<LocalDate> APPEAL_DATE = CourtEvents.APPEAL_DATE;
    public static final ProcessVariable<String> APPEAL_REFERENCE = CourtEvents.APPEAL_REFERENCE;
    public static final ProcessVariable<String> APPEAL_OUTCOME = CourtEvents.APPEAL_OUTCOME;
    public static final ProcessVariable<LocalDate> APPEAL_DECISION_DATE =
        CourtEvents.APPEAL_DECISION_DATE;
    public static final ProcessVariable<Boolean> APPEALS_PENDING = CourtEvents.APPEALS_PENDING;
    public static final ProcessVariable<Boolean> ANNULMENT_APPEALABLE =
        CourtEvents.ANNULMENT_APPEALABLE;
    public static final ProcessVariable<Boolean> APPEALS_SETTLED = CourtEvents.APPEALS_SETTLED;
    public static final ProcessVariable<LocalDate> BAN_DATE = CourtEvents.BAN_DATE;
    public static final ProcessVariable<LocalDate> BAN_LIFTED_DATE = CourtEvents.BAN_LIFTED_DATE;
    public static final ProcessVariable<String> BAN_COURT = CourtEvents.BAN_COURT;
    public static final ProcessVariable<String> BAN_REFERENCE = CourtEvents.BAN_REFERENCE;
    public static final ProcessVariable<Boolean> ENFORCEMENT_BANNED =
        CourtEvents.ENFORCEMENT_BANNED;
    public static final ProcessVariable<OffsetDateTime> NEXT_CHECK_AT = CourtEvents.NEXT_CHECK_AT;
    public static final ProcessVariable<Boolean> APPEALS_LODGED = CourtEvents.APPEALS_LODGED;
    public static final ProcessVariable<String> APPEAL_CHECK = CourtEvents.APPEAL_CHECK;
    public static final ProcessVariable<OffsetDateTime> APPEAL_CHECK_DUE =
        CourtEvents.APPEAL_CHECK_DUE;

    /** Why the board enforces the decision before it has legal force (kuntalaki 143 §). */
    public static final ProcessVariable<String> EARLY_ENFORCEMENT_REASON =
        ProcessVariable.text("earlyEnforcementReason");

    /** The transfer date the council decided (the start only proposed one; review T3). */
    public static final ProcessVariable<LocalDate> EFFECTIVE_DATE = Decision.EFFECTIVE_DATE;

    /**
     * The day the transfer actually took place: its date, or the later day its last condition was
     * met (the decision, the company's registration, the agreements).
     */
    public static final ProcessVariable<LocalDate> TRANSFERRED_ON =
        ProcessVariable.date("transferredOn");

    public static final ProcessVariable<LocalDate> NOTICE_DATE = Decision.NOTICE_DATE;
    public static final ProcessVariable<OffsetDateTime> APPEAL_PERIOD_ENDS_AT =
        CourtEvents.APPEAL_PERIOD_ENDS_AT;

    // the founding of a new company (OYL 624/2006; tasa-arvolaki 4 a §; the group instruction)
    public static final ProcessVariable<String> BOARD_MEMBERS =
        ProcessVariable.text("boardMembers");
    public static final ProcessVariable<Integer> BOARD_WOMEN = ProcessVariable.count("boardWomen");
    public static final ProcessVariable<Integer> BOARD_MEN = ProcessVariable.count("boardMen");
    public static final ProcessVariable<String> BOARD_BALANCE_EXCEPTION =
        ProcessVariable.text("boardBalanceExceptionReason");
    public static final ProcessVariable<Boolean> GROUP_INSTRUCTION =
        ProcessVariable.flag("groupInstructionApplied");
    public static final ProcessVariable<Boolean> JOINED_GROUP_INSTRUCTION =
        ProcessVariable.flag("joinedGroupInstruction");
    public static final ProcessVariable<Boolean> MARKET_TERMS = ProcessVariable.flag("marketTerms");
    public static final ProcessVariable<LocalDate> REGISTRATION_FILED_ON =
        ProcessVariable.date("registrationFiledOn");
    public static final ProcessVariable<OffsetDateTime> REGISTRATION_LAPSES_AT =
        ProcessVariable.moment("registrationLapsesAt");

    // joining an existing company, or a joining / funding agreement
    public static final ProcessVariable<LocalDate> SHARE_AGREEMENT_DATE =
        ProcessVariable.date("shareAgreementDate");
    public static final ProcessVariable<LocalDate> AGREEMENT_SIGNED_ON =
        ProcessVariable.date("agreementSignedOn");

    // staff: employees (TSL 1:10) and office-holders (KVhL 25 §)
    public static final ProcessVariable<Integer> EMPLOYEE_COUNT =
        ProcessVariable.count("employeeCount");
    public static final ProcessVariable<Integer> OFFICE_HOLDER_COUNT =
        ProcessVariable.count("officeHolderCount");
    public static final ProcessVariable<Boolean> KEVA_CONDITIONS =
        ProcessVariable.flag("kevaConditionsMet");
    public static final ProcessVariable<Boolean> RECIPIENT_INFORMED =
        ProcessVariable.flag("recipientInformed");
    public static final ProcessVariable<Boolean> WATER = ProcessVariable.flag("waterServices");
    public static final ProcessVariable<LocalDate> TRANSFER_DATE =
        ProcessVariable.date("transferDate");
    public static final ProcessVariable<OffsetDateTime> TRANSFER_AT =
        ProcessVariable.moment("transferAt");
    public static final ProcessVariable<OffsetDateTime> INFORM_DUE =
        ProcessVariable.moment("informDue");
    public static final ProcessVariable<LocalDate> SIGNED_ON =
        ProcessVariable.date("foundingSignedOn");
    public static final ProcessVariable<LocalDate> REGISTRATION_DEADLINE =
        ProcessVariable.date("registrationDeadline");
    public static final ProcessVariable<OffsetDateTime> REGISTRATION_WARN_AT =
        ProcessVariable.moment("registrationWarnAt");
    public static final ProcessVariable<String> BUSINESS_ID = ProcessVariable.text("businessId");
    public static final ProcessVariable<LocalDate> REGISTERED_ON =
        ProcessVariable.date("registeredOn");
    public static final ProcessVariable<Double> OWNERSHIP_SHARE =
        ProcessVariable.decimal("ownershipShare");
    public static final ProcessVariable<LocalDate> COOPERATION_START = Cooperation.START;
    public static final ProcessVariable<LocalDate> COOPERATION_END = Cooperation.END;
    public static final ProcessVariable<LocalDate> BOARD_DATE = Cooperation.BOARD_DATE;
    public static final ProcessVariable<String> DECISION_OUTCOME = Decision.OUTCOME;
    public static final ProcessVariable<LocalDate> DECISION_DATE = Decision.DATE;
    public static final ProcessVariable<String> DECISION_BODY = Decision.BODY;

    public static final ProcessVariable<String> OPTIONS_SUMMARY =
        ProcessVariable.text("optionsSummary");
    public static final ProcessVariable<String> COOPERATION_MINUTES = Cooperation.MINUTES;
    public static final ProcessVariable<String> CONTROL_BASIS =
        ProcessVariable.text("controlBasis");
    public static final ProcessVariable<String> PENSION_SCHEME =
        ProcessVariable.text("pensionScheme");

    /**
     * The staff's record (review T6): the HR system's list of the people who move (its reference:
     * no personal data in Muutos), the day they were told, the decision on the offices, and that
     * the holiday-pay and pension liabilities are in the transfer agreement.
     */
    public static final ProcessVariable<String> STAFF_LIST_REFERENCE =
        ProcessVariable.text("staffListReference");

    public static final ProcessVariable<LocalDate> STAFF_NOTIFIED_ON =
        ProcessVariable.date("staffNotifiedOn");
    public static final ProcessVariable<String> OFFICES_DECISION =
        ProcessVariable.text("officesDecision");
    public static final ProcessVariable<Boolean> LIABILITIES_AGREED =
        ProcessVariable.flag("liabilitiesAgreed");

    public static final ProcessVariable<String> COLLECTIVE_AGREEMENT =
        ProcessVariable.text("collectiveAgreement");
    public static final ProcessVariable<LocalDate> INFORMED_ON = ProcessVariable.date("informedOn");

    // What the forms record for the case's history; no code reads these.
    public static final ProcessVariable<String> DECISION_SECTION = Decision.SECTION;
    public static final ProcessVariable<String> JOINING_TERMS =
        ProcessVariable.text("joiningTerms");
    public static final ProcessVariable<String> AGREEMENTS = ProcessVariable.text("agreements");
    public static final ProcessVariable<String> BOARD_SECTION =
        ProcessVariable.text("boardSection");
    public static final ProcessVariable<String> DATA_HANDOVER =
        ProcessVariable.text("dataHandover");
    public static final ProcessVariable<LocalDate> PENSION_APPLICATION_DATE =
        ProcessVariable.date("pensionApplicationDate");
    public static final ProcessVariable<String> REGISTRATION_NOTE =
        ProcessVariable.text("registrationNote");
    public static final ProcessVariable<String> STEERING_NOTES =
        ProcessVariable.text("steeringNotes");
    public static final ProcessVariable<String> WATER_DUTIES = ProcessVariable.text("waterDuties");

    private Vars() {}
  }
}
