package fi.muutos.platform;

import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A process variable declared once, with its name and its type: the process classes ({@code
 * ZoningPlanProcess.Vars}, ...) declare them, and delegates, listeners and facades read and write
 * through them, never with a literal name or a cast.
 *
 * <p>A value is stored the way a Camunda Form writes it, so that a form, the REST API and the code
 * agree: a date as {@code YYYY-MM-DD} text, a moment as ISO-8601 text (timer expressions read it),
 * a list as a JSON list (read also from the comma-separated text a form's field holds), numbers and
 * flags as themselves. Reading turns the stored value into the declared type; a stored value that
 * is not one is a 400 naming the variable (a user could have typed it), never a {@link
 * ClassCastException}.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final String kind;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(
      String name, String kind, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.kind = kind;
    this.read = read;
    this.write = write;
  }

  /** Text. */
  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, "text", Object::toString, value -> value);
  }

  /** A yes/no fact (a form's checkbox); only a boolean is one. */
  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(
        name,
        "true/false",
        value -> {
          if (value instanceof Boolean flag) {
            return flag;
          }
          throw new IllegalArgumentException();
        },
        value -> value);
  }

  /** A record's id (a long). */
  public static ProcessVariable<Long> id(String name) {
    return new ProcessVariable<>(name, "id", value -> number(value).longValue(), value -> value);
  }

  /** A whole number (a form's number field stores a long, the DMN an integer). */
  public static ProcessVariable<Integer> count(String name) {
    return new ProcessVariable<>(
        name,
        "kokonaisluku",
        value -> {
          Number number = number(value);
          if (number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException();
          }
          return number.intValue();
        },
        value -> value);
  }

  /** A number (a percentage, a share). */
  public static ProcessVariable<Double> decimal(String name) {
    return new ProcessVariable<>(
        name, "luku", value -> number(value).doubleValue(), value -> value);
  }

  /** A calendar date, stored as {@code YYYY-MM-DD} (a Camunda Forms date field's value). */
  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(
        name,
        "päivämäärä VVVV-KK-PP",
        value -> LocalDate.parse(value.toString().strip()),
        LocalDate::toString);
  }

  /** A moment, stored as ISO-8601 text with its offset (what a timer's date expression reads). */
  public static ProcessVariable<OffsetDateTime> moment(String name) {
    return new ProcessVariable<>(
        name,
        "ISO-8601-aika",
        value -> OffsetDateTime.parse(value.toString().strip()),
        OffsetDateTime::toString);
  }

  /**
   * A list of texts, stored as a JSON list (Spin) that BPMN can iterate over; read also from the
   * comma-separated text a form's text field holds, and from the JSON array a form's checklist
   * submits.
   */
  public static ProcessVariable<List<String>> list(String name) {
    return new ProcessVariable<>(
        name,
        "luettelo",
        value -> {
          if (value instanceof Collection<?> items) {
            return items.stream().map(Object::toString).toList();
          }
          if (value instanceof SpinJsonNode json && json.isArray()) {
            return json.elements().stream().map(SpinJsonNode::stringValue).toList();
          }
          if (value instanceof CharSequence text) {
            String trimmed = text.toString().strip();
            if (trimmed.startsWith("[")) {
              SpinJsonNode json;
              try {
                json = Spin.JSON(trimmed);
              } catch (RuntimeException notJson) {
                throw new IllegalArgumentException(notJson);
              }
              return json.elements().stream().map(SpinJsonNode::stringValue).toList();
            }
            return items(text);
          }
          throw new IllegalArgumentException();
        },
        ArrayList::new);
  }

  /**
   * Choices for a form's select, radio or checklist (a Camunda Form's {@code valuesKey}): a JSON
   * list of objects with a {@code label} and a {@code value}.
   */
  public static ProcessVariable<List<Map<String, String>>> choices(String name) {
    return new ProcessVariable<>(
        name,
        "valintalista",
        value -> {
          if (value instanceof Collection<?> items) {
            return items.stream()
                .map(
                    item -> {
                      Map<?, ?> choice = (Map<?, ?>) item;
                      return Map.of(
                          "label", String.valueOf(choice.get("label")),
                          "value", String.valueOf(choice.get("value")));
                    })
                .toList();
          }
          throw new IllegalArgumentException();
        },
        choices -> new ArrayList<>(choices.stream().map(LinkedHashMap::new).toList()));
  }

  /** Texts by key (a JSON object), e.g. a deadline per authority that an expression looks up. */
  public static ProcessVariable<Map<String, String>> textMap(String name) {
    return new ProcessVariable<>(
        name,
        "avain-arvo-luettelo",
        value -> {
          if (value instanceof Map<?, ?> map) {
            Map<String, String> texts = new LinkedHashMap<>();
            map.forEach((k, v) -> texts.put(String.valueOf(k), String.valueOf(v)));
            return texts;
          }
          throw new IllegalArgumentException();
        },
        LinkedHashMap::new);
  }

  /** The items of comma-separated text, trimmed, without empty ones. */
  public static List<String> items(Object text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.toString().split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  public String name() {
    return name;
  }

  /** The value in scope (the instance's, or a task's local one), or null when there is none. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The scope's own value (an input parameter of the current step), or null. */
  public T getLocal(VariableScope scope) {
    return convert(scope.getVariableLocal(name));
  }

  /** The value in scope; a missing one is a 400 naming the variable. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new DomainException(Kind.INVALID, "missing-variable", name + " puuttuu (is required)");
    }
    return value;
  }

  /** Sets the value on the process instance (or the scope that has it). */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /** Puts the stored form of the value into start or completion variables. */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  /** The value as it is stored. */
  public Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  /** A stored value in the declared type, or null for null or blank text. */
  public T convert(Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    try {
      return read.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-variable",
          name + " ei ole " + kind + " (is not a valid value): '" + value + "'");
    }
  }

  private static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    throw new IllegalArgumentException();
  }

  @Override
  public String toString() {
    return name;
  }
}
