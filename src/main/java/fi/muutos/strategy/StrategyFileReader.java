package fi.muutos.strategy;

import fi.muutos.strategy.StrategyFile.EvaluationData;
import fi.muutos.strategy.StrategyFile.FindingData;
import fi.muutos.strategy.StrategyFile.GoalData;
import fi.muutos.strategy.StrategyFile.Header;
import fi.muutos.strategy.StrategyFile.MeasureData;
import fi.muutos.strategy.StrategyFile.ObjectiveData;
import fi.muutos.strategy.StrategyFile.RatingData;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a strategy data file (YAML). Works on SnakeYAML's node tree rather than
 * binding to objects so that every problem, also a semantic one (an unknown goal, a duplicate code,
 * an owner group that does not exist), is reported with its line. Collects all problems, then
 * throws them together; a file with any problem is not imported at all.
 */
final class StrategyFileReader {

  static final String PLACEMENT_ASSUMED =
      "Päämäärä on oletus: lähdeaineisto ei kerro, mihin päämäärään tavoite kuuluu.";

  private static final Set<String> VERDICTS = Set.of("best-realised", "weakest-realised");
  private static final Map<String, String> FINDING_KINDS =
      Map.of(
          "attention",
          "ATTENTION",
          "continuous",
          "CONTINUOUS",
          "next-strategy",
          "NEXT_STRATEGY",
          "successes",
          "SUCCESS");

  private final Set<String> knownGroups;
  private final YamlNodes nodes = new YamlNodes();

  private StrategyFileReader(Set<String> knownGroups) {
    this.knownGroups = Set.copyOf(knownGroups);
  }

  /** Reads a file; throws {@link StrategyFileException} with every problem found. */
  static StrategyFile read(String text, Set<String> knownGroups) {
    return new StrategyFileReader(knownGroups).read(text);
  }

  private StrategyFile read(String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new StrategyFileException(
          List.of(new FileProblem(line, "not valid YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new StrategyFileException(
          List.of(new FileProblem(0, "not valid YAML: " + e.getMessage())));
    }
    if (!(root instanceof MappingNode top)) {
      throw new StrategyFileException(
          List.of(
              new FileProblem(
                  root == null ? 0 : YamlNodes.line(root),
                  "the file must be a mapping with strategy, goals, objectives, measures, evaluations")));
    }
    Map<String, Node> sections =
        nodes.fields(top, "strategy", "goals", "objectives", "measures", "evaluations");
    Header header = header(sections.get("strategy"), top);
    List<GoalData> goals = nodes.list(sections.get("goals")).stream().map(this::goal).toList();
    List<ObjectiveData> objectives =
        nodes.list(sections.get("objectives")).stream().map(this::objective).toList();
    List<MeasureData> measures =
        nodes.list(sections.get("measures")).stream().map(this::measure).toList();
    List<EvaluationData> evaluations =
        nodes.list(sections.get("evaluations")).stream().map(this::evaluation).toList();
    crossCheck(goals, objectives, measures, evaluations);
    if (!nodes.problems().isEmpty()) {
      throw new StrategyFileException(
          nodes.problems().stream().sorted((a, b) -> Integer.compare(a.line(), b.line())).toList());
    }
    return new StrategyFile(header, goals, objectives, measures, evaluations);
  }

  private Header header(Node node, Node parent) {
    if (node == null) {
      nodes.problem(parent, "the section 'strategy' is missing");
      return new Header(null, null, null, null, null);
    }
    Map<String, Node> f =
        nodes.fields(node, "code", "name", "municipality", "adopted-on", "description");
    return new Header(
        code(f, node),
        nodes.required(f, "name", node),
        nodes.required(f, "municipality", node),
        nodes.date(f.get("adopted-on")),
        nodes.text(f.get("description")));
  }

  private GoalData goal(Node node) {
    Map<String, Node> f = nodes.fields(node, "code", "name", "owner", "starts-on", "ends-on");
    LocalDate startsOn = nodes.date(f.get("starts-on"));
    return new GoalData(
        YamlNodes.line(node),
        code(f, node),
        nodes.required(f, "name", node),
        group(f.get("owner")),
        startsOn,
        nodes.endDate(f, startsOn, "starts-on", "ends-on"));
  }

  private ObjectiveData objective(Node node) {
    Map<String, Node> f =
        nodes.fields(node, "code", "name", "goal", "owner", "placement", "starts-on", "ends-on");
    String placement = nodes.text(f.get("placement"));
    if (placement != null && !placement.equals("assumed")) {
      nodes.problem(f.get("placement"), "placement may only be 'assumed', not '" + placement + "'");
    }
    String goal = nodes.text(f.get("goal"));
    if (placement != null && goal == null) {
      nodes.problem(f.get("placement"), "placement 'assumed' needs a goal");
    }
    LocalDate startsOn = nodes.date(f.get("starts-on"));
    return new ObjectiveData(
        YamlNodes.line(node),
        code(f, node),
        nodes.required(f, "name", node),
        goal,
        group(f.get("owner")),
        placement == null ? null : PLACEMENT_ASSUMED,
        startsOn,
        nodes.endDate(f, startsOn, "starts-on", "ends-on"));
  }

  private MeasureData measure(Node node) {
    Map<String, Node> f =
        nodes.fields(
            node,
            "code",
            "name",
            "description",
            "objective",
            "owner",
            "starts-on",
            "due-on",
            "status",
            "progress",
            "note");
    MeasureStatus status = MeasureStatus.NOT_STARTED;
    if (f.containsKey("status")) {
      String value = nodes.text(f.get("status"));
      try {
        status = MeasureStatus.valueOf(value);
      } catch (IllegalArgumentException | NullPointerException e) {
        nodes.problem(
            f.get("status"),
            "unknown status '"
                + value
                + "' (one of "
                + Arrays.toString(MeasureStatus.values())
                + ")");
      }
    }
    int progress = status == MeasureStatus.DONE ? 100 : 0;
    if (f.containsKey("progress")) {
      String value = nodes.text(f.get("progress"));
      try {
        progress = Integer.parseInt(value);
        if (progress < 0 || progress > 100) {
          nodes.problem(f.get("progress"), "progress must be between 0 and 100, not " + progress);
        }
      } catch (NumberFormatException e) {
        nodes.problem(
            f.get("progress"), "progress must be a whole number 0–100, not '" + value + "'");
      }
    }
    String owner = group(f.get("owner"));
    if (owner == null && !f.containsKey("owner")) {
      nodes.problem(node, "a measure needs an owner group");
    }
    LocalDate startsOn = nodes.date(f.get("starts-on"));
    LocalDate dueOn = nodes.endDate(f, startsOn, "starts-on", "due-on");
    return new MeasureData(
        YamlNodes.line(node),
        code(f, node),
        nodes.required(f, "name", node),
        nodes.text(f.get("description")),
        nodes.text(f.get("objective")),
        owner,
        startsOn,
        dueOn,
        status,
        progress,
        nodes.text(f.get("note")));
  }

  private EvaluationData evaluation(Node node) {
    Map<String, Node> f =
        nodes.fields(
            node,
            "code",
            "name",
            "evaluator",
            "started-on",
            "ended-on",
            "method",
            "best-realised",
            "weakest-realised",
            "findings");
    List<RatingData> ratings = new ArrayList<>();
    for (String verdict : VERDICTS.stream().sorted().toList()) {
      Node targets = f.get(verdict);
      if (targets == null) {
        continue;
      }
      Map<String, Node> kinds = nodes.fields(targets, "goals", "objectives");
      String verdictValue = verdict.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
      for (Node goal : nodes.list(kinds.get("goals"))) {
        ratings.add(new RatingData(YamlNodes.line(goal), nodes.text(goal), true, verdictValue));
      }
      for (Node objective : nodes.list(kinds.get("objectives"))) {
        ratings.add(
            new RatingData(YamlNodes.line(objective), nodes.text(objective), false, verdictValue));
      }
    }
    List<FindingData> findings = new ArrayList<>();
    if (f.get("findings") != null) {
      Map<String, Node> kinds =
          nodes.fields(
              f.get("findings"), FINDING_KINDS.keySet().stream().sorted().toArray(String[]::new));
      kinds.forEach(
          (kind, items) ->
              nodes
                  .list(items)
                  .forEach(
                      item ->
                          findings.add(
                              new FindingData(FINDING_KINDS.get(kind), nodes.text(item)))));
    }
    LocalDate startedOn = nodes.date(f.get("started-on"));
    LocalDate endedOn = nodes.endDate(f, startedOn, "started-on", "ended-on");
    return new EvaluationData(
        YamlNodes.line(node),
        code(f, node),
        nodes.required(f, "name", node),
        nodes.text(f.get("evaluator")),
        startedOn,
        endedOn,
        nodes.text(f.get("method")),
        ratings,
        findings);
  }

  private void crossCheck(
      List<GoalData> goals,
      List<ObjectiveData> objectives,
      List<MeasureData> measures,
      List<EvaluationData> evaluations) {
    Map<String, Integer> seen = new HashMap<>();
    checkUnique(seen, goals.stream().map(g -> new FileProblem(g.line(), g.code())).toList());
    checkUnique(seen, objectives.stream().map(o -> new FileProblem(o.line(), o.code())).toList());
    checkUnique(seen, measures.stream().map(m -> new FileProblem(m.line(), m.code())).toList());
    checkUnique(seen, evaluations.stream().map(e -> new FileProblem(e.line(), e.code())).toList());
    Set<String> goalCodes = codes(goals.stream().map(GoalData::code).toList());
    Set<String> objectiveCodes = codes(objectives.stream().map(ObjectiveData::code).toList());
    for (ObjectiveData objective : objectives) {
      if (objective.goal() != null && !goalCodes.contains(objective.goal())) {
        nodes
            .problems()
            .add(
                new FileProblem(
                    objective.line(),
                    "objective "
                        + objective.code()
                        + " names the goal "
                        + objective.goal()
                        + ", which the file does not define"));
      }
    }
    for (MeasureData measure : measures) {
      if (measure.objective() != null && !objectiveCodes.contains(measure.objective())) {
        nodes
            .problems()
            .add(
                new FileProblem(
                    measure.line(),
                    "measure "
                        + measure.code()
                        + " names the objective "
                        + measure.objective()
                        + ", which the file does not define"));
      }
    }
    for (EvaluationData evaluation : evaluations) {
      for (RatingData rating : evaluation.ratings()) {
        Set<String> known = rating.goal() ? goalCodes : objectiveCodes;
        if (!known.contains(rating.target())) {
          nodes
              .problems()
              .add(
                  new FileProblem(
                      rating.line(),
                      "evaluation "
                          + evaluation.code()
                          + " rates "
                          + (rating.goal() ? "the goal " : "the objective ")
                          + rating.target()
                          + ", which the file does not define"));
        }
      }
    }
  }

  private void checkUnique(Map<String, Integer> seen, List<FileProblem> codes) {
    for (FileProblem code : codes) {
      if (code.message() == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(code.message(), code.line());
      if (first != null) {
        nodes
            .problems()
            .add(
                new FileProblem(
                    code.line(),
                    "the code " + code.message() + " is already used on line " + first));
      }
    }
  }

  private static Set<String> codes(List<String> codes) {
    return Set.copyOf(codes.stream().filter(java.util.Objects::nonNull).toList());
  }

  private String code(Map<String, Node> fields, Node owner) {
    String code = nodes.required(fields, "code", owner);
    if (code != null && !code.matches("[A-Z0-9][A-Z0-9-]{0,63}")) {
      nodes.problem(
          fields.get("code"),
          "code '" + code + "' must be upper-case letters, digits and hyphens (at most 64)");
    }
    return code;
  }

  private String group(Node node) {
    String group = nodes.text(node);
    if (group != null && !knownGroups.contains(group)) {
      nodes.problem(
          node,
          "owner group '"
              + group
              + "' does not exist (known: "
              + knownGroups.stream().sorted().toList()
              + ")");
    }
    return group;
  }
}
