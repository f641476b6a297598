package fi.muutos.transfer;

/** The constants of {@code processes/transfer/service-transfer.bpmn}. */
public final class TransferProcess {

  public static final String KEY = "serviceTransfer";

  private TransferProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String OPTIONS = "userTask_optionsAnalysis";
    public static final String COOPERATION = "userTask_cooperation";
    public static final String BOARD_PROPOSAL = "userTask_boardProposal";
    public static final String RECORD_DECISION = "userTask_recordCouncilDecision";
    public static final String FOUND_COMPANY = "userTask_foundCompany";
    public static final String COMPANY_REGISTERED = "receiveTask_companyRegistered";
    public static final String REGISTRATION_DEADLINE_NEAR = "event_registrationDeadlineNear";
    public static final String REGISTRATION_WARNING = "userTask_registrationWarning";
    public static final String IN_HOUSE_CHECK = "userTask_inHouseCheck";
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

    /** The branches that may apply after the decision, in the order the API lists them. */
    public static final java.util.List<String> BRANCHES =
        java.util.List.of(
            FOUND_COMPANY,
            IN_HOUSE_CHECK,
            PENSION,
            STAFF_TRANSFER,
            AGREEMENTS,
            DATA_HANDOVER,
            WATER_DUTIES);

    public static final String MEASURES_IN_PROGRESS = "serviceTask_measuresInProgress";
    public static final String MEASURES_DONE = "serviceTask_measuresDone";

    private Elements() {}
  }

  /** Process variables (gateway facts; the transfer's data lives in MU_TRANSFER). */
  public static final class Vars {
    public static final String TRANSFER_ID = "transferId";
    public static final String SERVICE_NAME = "serviceName";
    public static final String SERVICE_KIND = "serviceKind";
    public static final String RECIPIENT = "recipient";
    public static final String NEW_COMPANY = "newCompany";
    public static final String STAFF_MOVING = "staffMoving";
    public static final String IN_HOUSE = "inHouse";
    public static final String WATER = "waterServices";
    public static final String TRANSFER_DATE = "transferDate";
    public static final String TRANSFER_AT = "transferAt";
    public static final String INFORM_DUE = "informDue";
    public static final String SIGNED_ON = "foundingSignedOn";
    public static final String REGISTRATION_DEADLINE = "registrationDeadline";
    public static final String REGISTRATION_WARN_AT = "registrationWarnAt";
    public static final String BUSINESS_ID = "businessId";
    public static final String REGISTERED_ON = "registeredOn";
    public static final String OWNERSHIP_SHARE = "ownershipShare";
    public static final String COOPERATION_START = "cooperationStart";
    public static final String COOPERATION_END = "cooperationEnd";
    public static final String BOARD_DATE = "boardDate";
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String DECISION_DATE = "decisionDate";

    private Vars() {}
  }
}
