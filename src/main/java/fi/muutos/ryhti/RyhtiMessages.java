package fi.muutos.ryhti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.platform.WorkingDays;
import fi.muutos.ryhti.RyhtiCodes.Phase;
import fi.muutos.zoning.PlanArea;
import fi.muutos.zoning.PlanForRegister;
import fi.muutos.zoning.RyhtiProblem;
import fi.muutos.zoning.ZoningDisplays;
import fi.muutos.zoning.ZoningDisplays.DisplayPeriod;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds Ryhti's messages from a plan's record, as the description ({@code
 * docs/ryhti/planService-OpenApi.json}) defines them: the reservation of the permanent plan
 * identifier, the plan matter with its first phase, and each phase. Every key is derived from our
 * ids ({@link #key}), so the same phase, event or decision always has the same key, whoever builds
 * it and however often. What Ryhti would refuse for want of data we check first ({@link
 * Message#problems}).
 */
@Component
public class RyhtiMessages {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** RFC 3339 date-time, seconds always written (OffsetDateTime's own text drops zero seconds). */
  private static final java.time.format.DateTimeFormatter MOMENT =
      java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ZoningPlans plans;
  private final ZoningDisplays zoningDisplays;
  private final RyhtiSettings settings;
  private final WorkingDays workingDays;
  private final Clock clock;

  RyhtiMessages(
      ZoningPlans plans,
      ZoningDisplays displays,
      RyhtiSettings settings,
      WorkingDays workingDays,
      Clock clock) {
    this.plans = plans;
    this.zoningDisplays = displays;
    this.settings = settings;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** A message body and what we found missing in it before sending (empty: nothing). */
  public record Message(ObjectNode body, List<RyhtiProblem> problems) {}

  /** The stable key of one of the plan's objects in Ryhti (a name-based UUID of our ids). */
  static String key(String businessKey, String part) {
    return UUID.nameUUIDFromBytes(
            ("muutos:" + businessKey + ":" + part).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The key of the plan's phase for a lifecycle code. */
  static String phaseKey(String businessKey, String lifecycleCode) {
    return key(businessKey, "phase:" + lifecycleCode);
  }

  /** Reserving the plan's permanent identifier: the municipality and our business key. */
  Message reservation(String businessKey) {
    ObjectNode body = JSON.objectNode();
    body.put("administrativeAreaIdentifier", settings.municipalityCode());
    body.put("projectName", businessKey);
    return new Message(body, List.of());
  }

  /**
   * The plan matter with its first phase (01 Kaavoitusaloite); created when the plan is announced,
   * whose date is its time of initiation (vireilletulopäivämäärä). The permanent identifier is set
   * when it is sent ({@link #withIdentifier}).
   */
  Message matter(PlanForRegister plan) {
    List<RyhtiProblem> problems = new ArrayList<>();
    ObjectNode body = JSON.objectNode();
    body.put("planType", RyhtiCodes.planType(plan.type()));
    body.set("name", finnish(plan.name()));
    LocalDate initiated = plan.legalDate(ZoningStage.ANNOUNCED).orElse(null);
    if (initiated == null) {
      problems.add(
          RyhtiProblem.ours(
              "muutos/time-of-initiation",
              "Kaavan vireilletulopäivä puuttuu: kaava-asia luodaan Ryhtiin vireilletulosta."));
    } else {
      body.put("timeOfInitiation", initiated.toString());
    }
    body.put("producerPlanIdentifier", plan.businessKey());
    if (plan.recordNumber() != null) {
      body.set("recordNumbers", JSON.arrayNode().add(plan.recordNumber()));
    }
    body.set("administrativeAreaIdentifiers", JSON.arrayNode().add(settings.municipalityCode()));
    body.put("digitalOrigin", RyhtiCodes.DIGITAL_ORIGIN + RyhtiCodes.DIGITAL_ORIGIN_DATA_MODEL);
    Message first = phase(plan, ZoningStage.INITIATED);
    problems.addAll(first.problems());
    body.set("planMatterPhases", JSON.arrayNode().add(first.body()));
    return new Message(body, List.copyOf(problems));
  }

  /** A phase: the stage's lifecycle code, the area, and what the mapping gives it. */
  Message phase(PlanForRegister plan, ZoningStage stage) {
    Phase rule = RyhtiCodes.phase(stage);
    String businessKey = plan.businessKey();
    List<RyhtiProblem> problems = new ArrayList<>();
    ObjectNode body = JSON.objectNode();
    body.put("planMatterPhaseKey", phaseKey(businessKey, rule.lifecycleCode()));
    body.put("lifeCycleStatus", RyhtiCodes.LIFECYCLE + rule.lifecycleCode());
    Optional<PlanArea> area = plans.storedArea(businessKey);
    if (area.isEmpty()) {
      problems.add(
          RyhtiProblem.ours(
              "muutos/area-required",
              "Kaavalta puuttuu aluerajaus, jonka Ryhti vaatii jokaiseen vaiheeseen: anna se"
                  + " (PUT /api/zoning/plans/"
                  + plan.id()
                  + "/area, GeoJSON ETRS-TM35FIN)."));
    } else {
      ObjectNode geographicalArea = body.putObject("geographicalArea");
      geographicalArea.put("srid", PlanArea.SRID);
      geographicalArea.set("geometry", area.get().geometry().deepCopy());
    }
    Optional<LocalDate> legalDate = plan.legalDate(stage);
    if (rule.handlingEvent() != null) {
      ObjectNode handling = body.putObject("handlingEvent");
      handling.put("handlingEventKey", key(businessKey, "handling:" + rule.lifecycleCode()));
      handling.put("handlingEventType", RyhtiCodes.HANDLING_EVENT + rule.handlingEvent());
      legalDate.ifPresent(date -> handling.put("eventTime", date.toString()));
      handling.put("cancelled", false);
    }
    List<DisplayPeriod> displays = zoningDisplays.displays(businessKey);
    ArrayNode interactions = interactions(businessKey, rule, displays);
    if (!interactions.isEmpty()) {
      body.set("interactionEvents", interactions);
    }
    decision(plan, rule, legalDate.orElse(null), displays, problems)
        .ifPresent(decision -> body.set("planDecision", decision));
    return new Message(body, List.copyOf(problems));
  }

  /** The message with the permanent identifier Ryhti gave (a plan matter carries it). */
  static ObjectNode withIdentifier(ObjectNode body, String permanentIdentifier) {
    ObjectNode copy = body.deepCopy();
    copy.put("permanentPlanIdentifier", permanentIdentifier);
    return copy;
  }

  private ArrayNode interactions(String businessKey, Phase rule, List<DisplayPeriod> displays) {
    ArrayNode events = JSON.arrayNode();
    for (DisplayPeriod display : displays) {
      boolean carried =
          switch (rule.displays()) {
            case NONE -> false;
            case DRAFT -> display.round() == 0;
            case PROPOSAL -> display.round() == 1;
            case REVISED -> display.round() >= 2;
          };
      if (!carried) {
        continue;
      }
      ObjectNode event = events.addObject();
      event.put("interactionEventKey", key(businessKey, "display:" + display.round()));
      event.put("interactionEventType", RyhtiCodes.INTERACTION_EVENT + RyhtiCodes.DISPLAY);
      ObjectNode time = event.putObject("eventTime");
      time.put("begin", MOMENT.format(display.startsOn().atStartOfDay(clock.getZone())));
      if (display.endsOn() != null) {
        time.put("end", MOMENT.format(workingDays.endOf(display.endsOn())));
      }
      event.set(
          "name",
          finnish(display.round() == 0 ? "Kaavaluonnos nähtävillä" : "Kaavaehdotus nähtävillä"));
      event.put("cancelled", false);
    }
    return events;
  }

  private Optional<ObjectNode> decision(
      PlanForRegister plan,
      Phase rule,
      LocalDate stageDate,
      List<DisplayPeriod> displays,
      List<RyhtiProblem> problems) {
    String body;
    LocalDate decidedOn;
    LocalDate givenOn;
    String section = null;
    switch (rule.decision()) {
      case NONE -> {
        return Optional.empty();
      }
      case DISPLAY, REDISPLAY -> {
        Optional<DisplayPeriod> display =
            displays.stream()
                .filter(
                    d ->
                        rule.decision() == RyhtiCodes.Decision.DISPLAY
                            ? d.round() == 1
                            : d.round() >= 2)
                .reduce((a, b) -> b);
        if (display.isEmpty()
            || display.get().decidedOn() == null
            || display.get().decidedBy() == null) {
          return Optional.empty(); // the display decision's maker was not recorded: no decision
        }
        body = display.get().decidedBy();
        decidedOn = display.get().decidedOn();
        givenOn = decidedOn;
      }
      case APPROVAL -> {
        body = plan.decidedBy();
        decidedOn = stageDate;
        givenOn = plan.noticeDate() != null ? plan.noticeDate() : stageDate;
        section = plan.decisionSection();
        if (body == null || decidedOn == null) {
          problems.add(
              RyhtiProblem.ours(
                  "muutos/approval-decision",
                  "Hyväksymispäätöksen päättäjä tai päivä puuttuu kaavan tiedoista."));
          return Optional.empty();
        }
      }
      default -> throw new IllegalStateException(rule.decision().name());
    }
    String maker = settings.decisionMakers().get(body);
    if (maker == null && rule.decision() != RyhtiCodes.Decision.APPROVAL) {
      return Optional.empty(); // a display decision by a body without a code: the phase alone
    }
    if (maker == null) {
      problems.add(
          RyhtiProblem.ours(
              "muutos/decision-maker-code",
              "Toimielimellä '"
                  + body
                  + "' ei ole Ryhdin päätöksentekijäkoodia (PaatoksenTekija):"
                  + " muutos.ryhti.decision-makers."));
      return Optional.empty();
    }
    ObjectNode decision = JSON.objectNode();
    decision.put("planDecisionKey", key(plan.businessKey(), "decision:" + rule.lifecycleCode()));
    decision.put("name", RyhtiCodes.DECISION_NAME + rule.decisionName());
    decision.put("decisionDate", decidedOn.toString());
    decision.put("dateOfDecision", givenOn.toString());
    decision.put("typeOfDecisionMaker", RyhtiCodes.DECISION_MAKER + maker);
    if (section != null) {
      decision.put("decisionIdentifier", section);
    }
    return Optional.of(decision);
  }

  private static JsonNode finnish(String text) {
    return JSON.objectNode().put("fin", text);
  }
}
