package fi.muutos.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.events.EventSettings.Route;
import fi.muutos.events.EventSettings.VariableRule;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Checks an event against its route and takes the process variables from its data. */
@Component
class EventDataMapper {

  private final ObjectMapper json;
  private final Clock clock;

  EventDataMapper(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** The variables, or the problems that make the event invalid for its type. */
  record Mapped(Map<String, Object> variables, List<String> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  Mapped map(CloudEvent event, Route route) {
    List<String> problems = new ArrayList<>();
    if (event.getSubject() == null || event.getSubject().isBlank()) {
      problems.add("subject (the business key of the process) is required for " + event.getType());
    }
    JsonNode data = data(event, route, problems);
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, VariableRule> entry : new TreeMap<>(route.variables()).entrySet()) {
      VariableRule rule = entry.getValue();
      JsonNode node = data == null ? null : data.at(rule.path());
      if (node == null || node.isMissingNode() || node.isNull()) {
        if (rule.required()) {
          problems.add("data" + rule.path() + " is required");
        }
        continue;
      }
      Object value = value(node, rule, problems, LocalDate.now(clock));
      if (value != null) {
        variables.put(entry.getKey(), value);
      }
    }
    return new Mapped(variables, problems);
  }

  private JsonNode data(CloudEvent event, Route route, List<String> problems) {
    if (event.getData() == null) {
      if (!route.variables().isEmpty()) {
        problems.add("data is required for " + event.getType());
      }
      return null;
    }
    String contentType = event.getDataContentType();
    if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      problems.add("data must be JSON, not " + contentType);
      return null;
    }
    try {
      JsonNode data = json.readTree(event.getData().toBytes());
      if (!data.isObject()) {
        problems.add("data must be a JSON object");
        return null;
      }
      return data;
    } catch (IOException e) {
      problems.add("data is not valid JSON");
      return null;
    }
  }

  private static Object value(
      JsonNode node, VariableRule rule, List<String> problems, LocalDate today) {
    String where = "data" + rule.path();
    Object value =
        switch (rule.type()) {
          case "integer" ->
              node.canConvertToLong() && node.isIntegralNumber() ? node.asLong() : null;
          case "boolean" -> node.isBoolean() ? node.asBoolean() : null;
          case "date", "past-date" -> {
            try {
              yield node.isTextual() ? LocalDate.parse(node.asText()).toString() : null;
            } catch (DateTimeParseException e) {
              yield null;
            }
          }
          default -> node.isValueNode() ? node.asText() : null;
        };
    if (value == null) {
      problems.add(
          where
              + " must be "
              + (rule.type().endsWith("date") ? "a date (YYYY-MM-DD)" : "a " + rule.type()));
      return null;
    }
    if (rule.type().equals("past-date") && LocalDate.parse(value.toString()).isAfter(today)) {
      // the date of an act already done (a decision, a statement, an appeal) is not in the future
      problems.add(
          where + " must not be after today (" + today + "): it dates an act already done");
      return null;
    }
    if (!rule.allowed().isEmpty() && !rule.allowed().contains(value.toString())) {
      problems.add(where + " must be one of " + rule.allowed() + ", not " + value);
      return null;
    }
    return value;
  }
}
