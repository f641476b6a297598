package fi.muutos.strategy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading values from SnakeYAML's node tree, each problem kept with the line it is on: what {@link
 * StrategyFileReader} checks the file's meaning with (ADR 0011).
 */
final class YamlNodes {

  private final List<FileProblem> problems = new ArrayList<>();

  /** The problems found so far, in the order found. */
  List<FileProblem> problems() {
    return problems;
  }

  Map<String, Node> fields(Node node, String... allowed) {
    Map<String, Node> fields = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      problem(node, "expected a mapping with keys " + String.join(", ", allowed));
      return fields;
    }
    Set<String> known = Set.of(allowed);
    for (NodeTuple tuple : mapping.getValue()) {
      String key = text(tuple.getKeyNode());
      if (!known.contains(key)) {
        problem(
            tuple.getKeyNode(),
            "unknown key '" + key + "' (expected one of " + String.join(", ", allowed) + ")");
      } else {
        fields.put(key, tuple.getValueNode());
      }
    }
    return fields;
  }

  List<Node> list(Node node) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(node, "expected a list");
    return List.of();
  }

  String required(Map<String, Node> fields, String key, Node owner) {
    String value = text(fields.get(key));
    if (value == null || value.isBlank()) {
      problem(fields.getOrDefault(key, owner), "'" + key + "' is required");
      return null;
    }
    return value;
  }

  LocalDate date(Node node) {
    String value = text(node);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problem(node, "'" + value + "' is not a date (YYYY-MM-DD)");
      return null;
    }
  }

  /** The end date of a period, which must not be before its start. */
  LocalDate endDate(Map<String, Node> fields, LocalDate start, String startKey, String endKey) {
    LocalDate end = date(fields.get(endKey));
    if (start != null && end != null && end.isBefore(start)) {
      problem(fields.get(endKey), endKey + " " + end + " is before " + startKey + " " + start);
    }
    return end;
  }

  String text(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue().strip();
      return value.isEmpty() || value.equals("null") || value.equals("~") ? null : value;
    }
    problem(node, "expected a single value");
    return null;
  }

  void problem(Node node, String message) {
    problems.add(new FileProblem(node == null ? 0 : line(node), message));
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
