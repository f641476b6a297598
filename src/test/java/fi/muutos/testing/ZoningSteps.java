package fi.muutos.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values a planner enters on the zoning tasks that open a plan, as the tests' walks enter them:
 * the dates of earlier acts registered afterwards, each with its reason.
 */
public final class ZoningSteps {

  public static final String REASON = "Aiemmin tehty toimi kirjataan jälkikäteen";

  /** The statements a master plan's proposal always asks (Heinola: MRA 20 §). */
  public static final String MASTER_PLAN_STATEMENTS =
      "Päijät-Hämeen liitto, Hämeen elinvoimakeskus";

  /** Why the walks leave the expected statement bodies out: the walks are not about them. */
  public static final String OMISSION_REASON = "Kaava ei koske muiden tahojen toimialaa.";

  private ZoningSteps() {}

  /**
   * The initiation notice of {@code date}; a minor change's opinions (MRA 30 §) ran for two weeks
   * after it.
   */
  public static Map<String, Object> announce(String date) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("announcementDate", date);
    values.put("oasReference", "HEI/123/10.02.03/2026 (OAS)");
    values.put("initiationOpinionsUntil", LocalDate.parse(date).plusDays(14).toString());
    values.put("initiationOpinionSummary", "Kaksi mielipidettä; ei muutostarpeita.");
    values.put("backdatingReason", REASON);
    return values;
  }

  /**
   * The replies after the display (AKL 65 §): nobody asked for a reasoned position; whether the
   * proposal changes substantially.
   */
  public static Map<String, Object> reply(boolean substantialChanges) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reminderRepliesSent", "NOBODY_ASKED");
    values.put("proposalChanges", substantialChanges ? "REDISPLAY" : "NONE");
    return values;
  }

  /** The draft on display from {@code start} for 30 days: the opinions may be given until then. */
  public static Map<String, Object> draft(String start) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("draftDisplayStart", start);
    values.put("draftDisplayEnd", LocalDate.parse(start).plusDays(30).toString());
    values.put("backdatingReason", REASON);
    return values;
  }

  /**
   * The proposal on display from {@code start}: decided two weeks before, announced a week before,
   * the letters to landowners elsewhere ten days before (MRA 19 §, for a master plan).
   */
  public static Map<String, Object> proposal(String start, String authorities) {
    LocalDate first = LocalDate.parse(start);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("displayDecisionDate", first.minusDays(14).toString());
    values.put("displayDecisionBody", "Hallintosäännön mukainen lautakunta");
    values.put("displayNoticeDate", first.minusDays(7).toString());
    values.put("landownerLettersDate", first.minusDays(10).toString());
    values.put("proposalDisplayStart", start);
    values.put("statementAuthorities", authorities);
    values.put("statementOmissionReason", OMISSION_REASON);
    values.put("backdatingReason", REASON);
    return values;
  }

  /**
   * The approval's notice of {@code date} (AKL 67 §): the elinvoimakeskus, the regional council and
   * the muistuttajat who asked were told.
   */
  public static Map<String, Object> notice(String date) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("noticeDate", date);
    values.put("notifiedElinvoimakeskus", true);
    values.put("elinvoimakeskusNotifiedOn", date);
    values.put("notifiedRegionalCouncil", true);
    values.put("notifiedReminderFilers", true);
    values.put("backdatingReason", REASON);
    return values;
  }

  /** The values as the engine REST API's variables (text and yes/no), without braces. */
  public static String json(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(
            e ->
                "\""
                    + e.getKey()
                    + "\":{\"value\":"
                    + (e.getValue() instanceof Boolean b
                        ? b + ",\"type\":\"Boolean\""
                        : "\"" + e.getValue() + "\",\"type\":\"String\"")
                    + "}")
        .collect(Collectors.joining(","));
  }
}
