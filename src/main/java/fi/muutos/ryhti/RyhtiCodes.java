package fi.muutos.ryhti;

import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.ZoningStage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How our record maps to Ryhti's code lists: one row per stage, in one table (docs/ryhti.md has it
 * with the source of each code). A stage's lifecycle code is its own ({@link ZoningStage}); the
 * handling event (kaavakastap), the display (RY_KaavanVuorovaikutustapahtumanLaji 01 Nähtävilläolo)
 * and the plan decision (kaavpaatnimi) of each phase follow SYKE's validation rules for lifecycle
 * changes, as GispoCoding's hame-ryhti carries them as data (its {@code codes.py}: {@code
 * processing_events_by_status}, {@code interaction_events_by_status}, {@code decisions_by_status}).
 */
public final class RyhtiCodes {

  public static final String LIFECYCLE = "http://uri.suomi.fi/codelist/rytj/kaavaelinkaari/code/";
  public static final String HANDLING_EVENT = "http://uri.suomi.fi/codelist/rytj/kaavakastap/code/";
  public static final String INTERACTION_EVENT =
      "http://uri.suomi.fi/codelist/rytj/RY_KaavanVuorovaikutustapahtumanLaji/code/";
  public static final String DECISION_NAME = "http://uri.suomi.fi/codelist/rytj/kaavpaatnimi/code/";
  public static final String DECISION_MAKER =
      "http://uri.suomi.fi/codelist/rytj/PaatoksenTekija/code/";
  public static final String PLAN_TYPE = "http://uri.suomi.fi/codelist/rytj/RY_Kaavalaji/code/";
  public static final String DIGITAL_ORIGIN =
      "http://uri.suomi.fi/codelist/rytj/RY_DigitaalinenAlkupera/code/";

  /** Nähtävilläolo: the display of the draft or the proposal, with its first and last day. */
  public static final String DISPLAY = "01";

  /**
   * Tietomallin mukaan laadittu: the only origin whose plans may begin at 01 Kaavoitusaloite (the
   * national plan data model's rule {@code elinkaari/vaat-ensimmainen-elinkaaritila}).
   */
  public static final String DIGITAL_ORIGIN_DATA_MODEL = "01";

  private RyhtiCodes() {}

  /** Which of the plan's displays a phase carries. */
  public enum Displays {
    NONE,
    /** Round 0: the draft (luonnos). */
    DRAFT,
    /** Round 1: the proposal. */
    PROPOSAL,
    /** Rounds 2 and later: the revised proposal, each display of it. */
    REVISED
  }

  /** What a plan decision of a phase is, and which of our decisions it is. */
  public enum Decision {
    NONE,
    /** The decision to put the proposal on display (display round 1). */
    DISPLAY,
    /** The decision to put the revised proposal on display (the latest round). */
    REDISPLAY,
    /** The approving body's approval. */
    APPROVAL
  }

  /**
   * A stage's phase in Ryhti: its lifecycle code, its handling event's code (null: none), which
   * displays it carries, its plan decision's code and kind, and the rule that asks for them.
   */
  public record Phase(
      ZoningStage stage,
      String handlingEvent,
      Displays displays,
      String decisionName,
      Decision decision,
      String rule) {

    public String lifecycleCode() {
      return stage.ryhtiCode();
    }
  }

  private static final String HANDLING_RULE = "lifecycle/req-codelist-handlingeventtype-codevalue";
  private static final String NO_RULE = "elinkaaritila only";

  private static final Map<ZoningStage, Phase> PHASES = new EnumMap<>(ZoningStage.class);

  static {
    row(ZoningStage.INITIATED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    // the notice of initiation (vireilletulo)
    row(ZoningStage.ANNOUNCED, "04", Displays.NONE, null, Decision.NONE, HANDLING_RULE);
    // the draft on display (luonnos nähtäville), with the display as an interaction event
    row(
        ZoningStage.DRAFT,
        "05",
        Displays.DRAFT,
        null,
        Decision.NONE,
        HANDLING_RULE + ", lifecycle/req-codelist-interactionevent-codevalue");
    // the proposal on display, the decision to display it
    row(
        ZoningStage.PROPOSAL,
        "08",
        Displays.PROPOSAL,
        "08",
        Decision.DISPLAY,
        "lifecycle/req-codelist-plandecision-name-codevalue-proposal");
    // the revised proposal on display (each round), the decision to display it again
    row(
        ZoningStage.REVISED_PROPOSAL,
        "09",
        Displays.REVISED,
        "09",
        Decision.REDISPLAY,
        "lifecycle/req-codelist-regionalplan-handlingeventtype-lifecycle-05");
    // the approval
    row(
        ZoningStage.APPROVED,
        "11",
        Displays.NONE,
        "11A",
        Decision.APPROVAL,
        "lifecycle/req-codelist-plandecision-name-alternative-codevalues-approved-spatialplan");
    row(ZoningStage.RECTIFICATION_REQUESTED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.APPEALED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.RECTIFICATION_AND_APPEAL, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.PARTLY_IN_FORCE, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    // in force before legal force (AKL 201 §)
    row(
        ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE,
        "13",
        Displays.NONE,
        null,
        Decision.NONE,
        HANDLING_RULE);
    row(ZoningStage.LEGALLY_BINDING, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    // the entry into force (voimaantulo)
    row(ZoningStage.IN_FORCE, "16", Displays.NONE, null, Decision.NONE, HANDLING_RULE);
    row(ZoningStage.ANNULLED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.LAPSED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.REJECTED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    row(ZoningStage.SUSPENDED, null, Displays.NONE, null, Decision.NONE, NO_RULE);
    if (PHASES.size() != ZoningStage.values().length) {
      throw new IllegalStateException(
          "RyhtiCodes has no row for "
              + Arrays.stream(ZoningStage.values()).filter(s -> !PHASES.containsKey(s)).toList());
    }
  }

  private static void row(
      ZoningStage stage,
      String handlingEvent,
      Displays displays,
      String decisionName,
      Decision decision,
      String rule) {
    PHASES.put(stage, new Phase(stage, handlingEvent, displays, decisionName, decision, rule));
  }

  /** The phase of a stage. */
  public static Phase phase(ZoningStage stage) {
    return PHASES.get(stage);
  }

  /** The phase of a lifecycle code. */
  public static Phase phase(String lifecycleCode) {
    return PHASES.values().stream()
        .filter(p -> p.lifecycleCode().equals(lifecycleCode))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No stage has the code " + lifecycleCode));
  }

  /**
   * The plan type (RY_Kaavalaji): an asemakaava and its minor change are 31 Asemakaava, a master
   * plan 21 Yleiskaava (the first sub-code of each main type, as hame-ryhti uses 11 for a regional
   * plan).
   */
  public static String planType(PlanType type) {
    return PLAN_TYPE
        + switch (type) {
          case DETAILED_PLAN, MINOR_DETAILED_PLAN_CHANGE -> "31";
          case MASTER_PLAN -> "21";
        };
  }

  /** The plan matter's path in the description: master plans and detailed plans differ. */
  public static String matterPath(PlanType type) {
    return type == PlanType.MASTER_PLAN ? "LocalMasterPlanMatter" : "LocalDetailedPlanMatter";
  }
}
