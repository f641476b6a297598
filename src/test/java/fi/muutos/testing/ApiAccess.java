package fi.muutos.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * The table of who may call what ({@code security/api-access.txt}), the sample request of each
 * endpoint, and one user per group to send them as. Shared by the authorization matrix and the
 * hostile-input drill.
 */
public final class ApiAccess {

  public static final String ANONYMOUS = "anonymous";
  public static final String SIGNED_IN = "signed-in";
  static final String PASSWORD = "Matriisi-" + UUID.randomUUID();

  /** The groups of muutos.identity.groups (application.yml). */
  public static final List<String> GROUPS =
      List.of(
          "kaavoitus",
          "kirjaamo",
          "hallinto",
          "henkilosto",
          "talous",
          "johtoryhma",
          "integraatio",
          "camunda-admin");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ApiAccess() {}

  /** One row: an endpoint, a sample request, and the groups it allows. */
  public record Row(
      String method, String pattern, String samplePath, String body, Set<String> allowed) {

    public boolean allows(String principal) {
      return allowed.contains(ANONYMOUS)
          || allowed.contains(principal)
          || (!ANONYMOUS.equals(principal) && allowed.contains(SIGNED_IN));
    }

    /** A group whose member may call it (null when only anonymous access is declared). */
    public String allowedGroup() {
      return GROUPS.stream().filter(this::allows).findFirst().orElse(null);
    }

    public boolean hasBody() {
      return !"-".equals(body);
    }
  }

  /** Creates, when missing, a user per group that is a member of that group only. */
  public static void ensureUsers(IdentityService identityService) {
    for (String group : GROUPS) {
      String id = user(group);
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName("Matriisi");
        user.setLastName(group);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
      }
    }
  }

  public static String user(String group) {
    return "matriisi" + group.replace("-", "");
  }

  /** The Authorization header of the group's user (null for anonymous). */
  public static String authorization(String principal) {
    return ANONYMOUS.equals(principal)
        ? null
        : "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (user(principal) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** A valid request body of each kind: content type and content. */
  public static String[] body(String name) {
    int n = SEQUENCE.incrementAndGet();
    String json = "application/json";
    return switch (name) {
      case "measureStatus" ->
          new String[] {
            json, "{\"status\":\"IN_PROGRESS\",\"progress\":20,\"note\":\"Matriisitesti\"}"
          };
      case "newMeasure" ->
          new String[] {
            json,
            "{\"code\":\"M-MATRIISI-"
                + n
                + "\",\"name\":"
                + "\"Matriisin toimenpide\",\"objective\":\"O-ELINKEINOELAMA\",\"ownerGroup\":\"hallinto\"}"
          };
      case "strategyFile" -> new String[] {"application/yaml", "code: [rikki"};
      case "zoningPlan" ->
          new String[] {
            json,
            "{\"name\":\"Matriisikaava "
                + n
                + "\",\"type\":"
                + "\"MINOR_DETAILED_PLAN_CHANGE\",\"significant\":false,\"areaDescription\":\"Keskusta\"}"
          };
      case "reason" -> new String[] {json, "{\"reason\":\"Matriisitesti\"}"};
      case "accessibilityFeedback" ->
          new String[] {json, "{\"page\":\"/strategia.html\",\"message\":\"Matriisitesti\"}"};
      case "correction" ->
          new String[] {
            json, "{\"stage\":\"APPROVED\",\"legalDate\":\"2026-04-20\",\"reason\":\"Matriisi\"}"
          };
      case "area" ->
          new String[] {
            json,
            "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6786000],"
                + "[449000,6788000],[447000,6786000]]]}"
          };
      case "choice" -> new String[] {json, "{\"digest\":true,\"warnings\":true}"};
      case "review" -> new String[] {json, "{\"year\":2027}"};
      case "reform" ->
          new String[] {
            json,
            "{\"name\":\"Matriisiuudistus "
                + n
                + "\","
                + "\"effectiveDate\":\""
                + LocalDate.now().plusYears(1).withDayOfYear(1)
                + "\","
                + "\"committees\":[\"Elinvoimalautakunta\"],\"divisions\":[\"Elinvoima\"]}"
          };
      case "transfer" ->
          new String[] {
            json,
            "{\"serviceName\":\"Matriisipalvelu "
                + n
                + "\","
                + "\"serviceKind\":\"BUSINESS_SERVICES\",\"recipient\":\"Esimerkki Oy\",\"newCompany\":"
                + "false,\"staffMoving\":false,\"transferDate\":\""
                + LocalDate.now().plusMonths(6)
                + "\"}"
          };
      case "evaluation" ->
          new String[] {
            json,
            "{\"name\":\"Matriisiarviointi "
                + n
                + "\","
                + "\"surveyClosesOn\":\""
                + LocalDate.now().plusDays(30)
                + "\",\"respondents\":"
                + "[{\"userId\":\"kaupunginjohtaja\",\"group\":\"johtoryhma\"},"
                + "{\"userId\":\"talousjohtaja\",\"group\":\"johtoryhma\"},"
                + "{\"userId\":\"hallintojohtaja\",\"group\":\"johtoryhma\"}]}"
          };
      case "cloudEvent" ->
          new String[] {
            "application/cloudevents+json",
            "{\"specversion\":\"1.0\","
                + "\"id\":\"matriisi-"
                + UUID.randomUUID()
                + "\",\"source\":\"/matriisi\",\"type\":"
                + "\"fi.muutos.decision.made\",\"subject\":\"KAAVA-MATRIISI-"
                + n
                + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"body\":\"Kaupunginhallitus\","
                + "\"date\":\"2026-11-28\",\"outcome\":\"APPROVED\"}}"
          };
      default -> throw new IllegalArgumentException("no sample body " + name);
    };
  }

  public static List<Row> table() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ApiAccess.class.getResourceAsStream("/security/api-access.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] f = trimmed.split("\\s+");
        rows.add(
            new Row(f[0], f[1], f[2], f[3], new TreeSet<>(Arrays.asList(f).subList(4, f.length))));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
