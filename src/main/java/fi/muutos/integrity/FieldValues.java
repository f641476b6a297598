package fi.muutos.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The values a form field takes, by its component type: what Tasklist's forms send and what the
 * processes read ({@code platform.ProcessVariable}: a date is {@code YYYY-MM-DD} text, a number a
 * number, a flag a boolean, a checklist a list of texts). Anything else from outside (an object of
 * a Java type, XML, bytes, a file, a date object, a number where text belongs) is refused before
 * the engine stores it: a stored value of a foreign type would be deserialized on every later read
 * and poison the case's next forms.
 */
final class FieldValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldValues() {}

  /** Why the value cannot be the field's, in Finnish; null when it can. */
  static String refusal(String componentType, Object value) {
    Object plain = value;
    if (value instanceof TypedValue typed) {
      ValueType type = typed.getType();
      if (typed instanceof SerializableValue serializable) {
        // an object, JSON or XML: only a checklist's list of texts, as Tasklist sends it
        return isList(componentType) && textList(serializable) ? null : expected(componentType);
      }
      if (type == ValueType.BYTES || type == ValueType.FILE || type == ValueType.DATE) {
        return expected(componentType);
      }
      plain = typed.getValue();
    }
    if (plain == null) {
      return null;
    }
    boolean fits =
        switch (componentType) {
          case "textfield", "textarea", "datetime" -> plain instanceof String;
          case "number" -> isNumber(plain);
          case "checkbox" -> plain instanceof Boolean;
          case "checklist", "taglist" -> plain instanceof String || textItems(plain);
          default -> plain instanceof String || plain instanceof Boolean || isNumber(plain);
        };
    return fits ? null : expected(componentType);
  }

  private static boolean isList(String componentType) {
    return "checklist".equals(componentType) || "taglist".equals(componentType);
  }

  private static boolean isNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Double
        || value instanceof Float;
  }

  private static boolean textItems(Object value) {
    return value instanceof Collection<?> items
        && items.stream().allMatch(item -> item instanceof String);
  }

  /** A JSON list of texts (Tasklist sends a checklist so, as Json or as a JSON-serialized list). */
  private static boolean textList(SerializableValue value) {
    if (value instanceof ObjectValue object) {
      String typeName = object.getObjectTypeName();
      boolean listType =
          typeName != null
              && (typeName.startsWith("java.util.ArrayList")
                  || typeName.startsWith("java.util.LinkedList"));
      if (!listType || !"application/json".equals(object.getSerializationDataFormat())) {
        return false;
      }
      if (object.isDeserialized()) {
        return textItems(object.getValue());
      }
    }
    String serialized = value.getValueSerialized();
    if (serialized == null && value.isDeserialized() && value.getValue() != null) {
      serialized = value.getValue().toString(); // a Spin JSON node given in Java
    }
    if (serialized == null) {
      return false;
    }
    try {
      JsonNode json = JSON.readTree(serialized);
      if (json == null || !json.isArray()) {
        return false;
      }
      for (JsonNode item : json) {
        if (!item.isTextual()) {
          return false;
        }
      }
      return true;
    } catch (java.io.IOException notJson) {
      return false;
    }
  }

  private static String expected(String componentType) {
    return switch (componentType) {
      case "textfield", "textarea" -> "tekstiä (text)";
      case "datetime" -> "päivämäärä tekstinä VVVV-KK-PP (a date as text)";
      case "number" -> "luku (a number)";
      case "checkbox" -> "kyllä/ei-arvo (true or false)";
      case "checklist", "taglist" -> "luettelo tekstejä (a list of texts)";
      default -> "teksti, luku tai kyllä/ei (text, a number or true/false)";
    };
  }
}
