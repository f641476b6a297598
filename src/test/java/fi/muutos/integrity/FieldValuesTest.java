package fi.muutos.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.Test;

/** What each kind of form field takes from outside, and what it refuses (S9 of the review). */
class FieldValuesTest {

  @Test
  void eachFieldTakesWhatItsFormSends() {
    assertThat(FieldValues.refusal("textfield", "Keskusta")).isNull();
    assertThat(FieldValues.refusal("textarea", Variables.stringValue("pitkä teksti"))).isNull();
    assertThat(FieldValues.refusal("datetime", "2026-03-04")).isNull();
    assertThat(FieldValues.refusal("number", 30L)).isNull();
    assertThat(FieldValues.refusal("number", Variables.integerValue(14))).isNull();
    assertThat(FieldValues.refusal("number", 2.5)).isNull();
    assertThat(FieldValues.refusal("checkbox", true)).isNull();
    assertThat(FieldValues.refusal("radio", "LAWFUL")).isNull();
    assertThat(FieldValues.refusal("radio", 3L)).isNull();
    assertThat(FieldValues.refusal("select", "COUNCIL")).isNull();
    assertThat(FieldValues.refusal("textfield", null)).isNull();
    assertThat(FieldValues.refusal("checkbox", Variables.untypedNullValue())).isNull();
  }

  @Test
  void aChecklistTakesAListOfTextsInEveryShapeTasklistSends() {
    assertThat(FieldValues.refusal("checklist", List.of("G-1", "G-2"))).isNull();
    assertThat(FieldValues.refusal("checklist", "G-1, G-2")).isNull();
    // a new variable: Tasklist sends Json
    assertThat(
            FieldValues.refusal(
                "checklist",
                Variables.serializedObjectValue("[\"G-1\",\"G-2\"]")
                    .serializationDataFormat("application/json")
                    .objectTypeName("java.util.ArrayList<java.lang.String>")
                    .create()))
        .isNull();
    // an existing variable: Tasklist sends its type back (a JSON-serialized ArrayList)
    assertThat(
            FieldValues.refusal(
                "checklist",
                Variables.serializedObjectValue("[\"G-1\"]")
                    .serializationDataFormat(SerializationDataFormats.JSON)
                    .objectTypeName("java.util.ArrayList")
                    .create()))
        .isNull();
  }

  @Test
  void anythingElseFromOutsideIsRefused() {
    assertThat(FieldValues.refusal("textfield", 5)).contains("tekstiä");
    assertThat(FieldValues.refusal("datetime", Variables.dateValue(new java.util.Date())))
        .contains("päivämäärä");
    assertThat(FieldValues.refusal("number", "30")).contains("luku");
    assertThat(FieldValues.refusal("checkbox", "true")).contains("kyllä/ei");
    assertThat(FieldValues.refusal("select", Map.of("label", "x"))).isNotNull();
    assertThat(FieldValues.refusal("textfield", Variables.byteArrayValue(new byte[] {1})))
        .isNotNull();
    // the attack of the review (T16): a Java type Jackson would instantiate on every read
    assertThat(
            FieldValues.refusal(
                "textfield",
                Variables.serializedObjectValue("\"/tmp/x\"")
                    .serializationDataFormat("application/json")
                    .objectTypeName("java.io.FileOutputStream")
                    .create()))
        .isNotNull();
    assertThat(
            FieldValues.refusal(
                "checklist",
                Variables.serializedObjectValue("\"/tmp/x\"")
                    .serializationDataFormat("application/json")
                    .objectTypeName("java.io.FileOutputStream")
                    .create()))
        .isNotNull();
    assertThat(
            FieldValues.refusal(
                "checklist",
                Variables.serializedObjectValue("rO0ABXQAAA==")
                    .serializationDataFormat(SerializationDataFormats.JAVA)
                    .objectTypeName("java.util.ArrayList")
                    .create()))
        .isNotNull();
    assertThat(
            FieldValues.refusal(
                "checklist",
                Variables.serializedObjectValue("[{\"a\":1}]")
                    .serializationDataFormat("application/json")
                    .objectTypeName("java.util.ArrayList")
                    .create()))
        .as("a list of objects is no checklist")
        .isNotNull();
    assertThat(FieldValues.refusal("checklist", List.of(1, 2))).isNotNull();
  }
}
