package fi.muutos.zoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bodies a plan's statements are asked from, and those the law requires per plan type ({@code
 * muutos.zoning.statements.*}, the municipality's file): for a master plan at least the regional
 * council, the municipalities concerned and the authorities whose field it is (MRA 20 §); for a
 * detailed plan the necessary ones, the elinvoimakeskus and the regional council where the plan
 * concerns their field (MRA 28 §, AKL 65 §). A {@code required} body is always asked; an {@code
 * expected} one (e.g. a neighbouring municipality the plan may not concern) is left out only with a
 * written reason, which stays on the task's record. Checked when the application starts: each named
 * body is one of the bodies.
 */
@ConfigurationProperties("muutos.zoning.statements")
public record ZoningStatementBodies(
    @DefaultValue List<String> bodies,
    @DefaultValue Map<PlanType, List<String>> required,
    @DefaultValue Map<PlanType, List<String>> expected) {

  public ZoningStatementBodies {
    bodies = List.copyOf(bodies);
    required = Map.copyOf(required);
    expected = Map.copyOf(expected);
    for (var named : List.of(Map.entry("required", required), Map.entry("expected", expected))) {
      for (Map.Entry<PlanType, List<String>> entry : named.getValue().entrySet()) {
        for (String body : entry.getValue()) {
          if (bodies.stream().noneMatch(b -> b.equalsIgnoreCase(body.strip()))) {
            throw new IllegalStateException(
                "muutos.zoning.statements."
                    + named.getKey()
                    + "."
                    + entry.getKey()
                    + " names '"
                    + body
                    + "', which is not one of muutos.zoning.statements.bodies "
                    + bodies);
          }
        }
      }
    }
  }

  /** The configured name of a body, matched without regard to case; empty when it is none. */
  public Optional<String> body(String name) {
    String wanted = name == null ? "" : name.strip();
    return bodies.stream().filter(b -> b.equalsIgnoreCase(wanted)).findFirst();
  }

  /** What the requests of a proposal's display say, checked: canonical requests and problems. */
  public record Checked(List<String> requests, List<String> problems) {}

  /**
   * Checks a display's statement requests ("body" or "body=YYYY-MM-DD"): each names a configured
   * body (written as the list has it); for the first display the required bodies of the plan's type
   * are all asked, or, where the type allows it, the ones left out have a written reason.
   */
  public Checked check(
      PlanType type, List<String> requests, boolean firstDisplay, String omissionReason) {
    List<String> canonical = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> asked = new LinkedHashMap<>();
    for (String request : requests == null ? List.<String>of() : requests) {
      int at = request.lastIndexOf('=');
      String name = ZoningDisplays.requestedBody(request);
      Optional<String> body = body(name);
      if (body.isEmpty()) {
        problems.add(
            "lausunnonantaja '"
                + name
                + "' ei ole kunnan lausunnonantajaluettelossa; valitse: "
                + String.join(", ", bodies));
        continue;
      }
      asked.put(body.get().toLowerCase(Locale.ROOT), body.get());
      canonical.add(body.get() + (at < 0 ? "" : request.substring(at)));
    }
    if (firstDisplay) {
      List<String> missing = missing(required.get(type), asked);
      if (!missing.isEmpty()) {
        problems.add(
            "lausuntoa ei pyydetä taholta "
                + String.join(", ", missing)
                + ": ehdotuksesta on pyydettävä niiden lausunnot (MRA 20 §, 28 §)");
      }
      List<String> unasked = missing(expected.get(type), asked);
      if (!unasked.isEmpty() && (omissionReason == null || omissionReason.isBlank())) {
        problems.add(
            "lausuntoa ei pyydetä taholta "
                + String.join(", ", unasked)
                + ": pyydä lausunto tai kirjaa perustelu, miksi kaava ei koske niitä (MRA 20 §,"
                + " 28 §)");
      }
    }
    return new Checked(canonical, problems);
  }

  private static List<String> missing(List<String> wanted, Map<String, String> asked) {
    return (wanted == null ? List.<String>of() : wanted)
        .stream()
            .map(String::strip)
            .filter(b -> !asked.containsKey(b.toLowerCase(Locale.ROOT)))
            .toList();
  }
}
