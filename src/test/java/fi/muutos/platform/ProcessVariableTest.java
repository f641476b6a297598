package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A declared variable reads what a form, the REST API or the code stored in its type, and answers
 * anything else with a 400 that names it (a user could have typed it), never a cast error.
 */
class ProcessVariableTest {

  @Test
  void aDateIsStoredAsAFormWritesItAndReadAsALocalDate() {
    ProcessVariable<LocalDate> date = ProcessVariable.date("noticeDate");
    assertThat(date.stored(LocalDate.of(2026, 3, 4))).isEqualTo("2026-03-04");
    assertThat(date.convert("2026-03-04")).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(date.convert(" ")).isNull();
    refused(date, "eilen");
    refused(date, 20260304);
  }

  @Test
  void aMomentRoundTripsWithItsOffset() {
    ProcessVariable<OffsetDateTime> moment = ProcessVariable.moment("displayEndsAt");
    OffsetDateTime at = OffsetDateTime.parse("2026-04-01T00:00+03:00");
    assertThat(moment.convert(moment.stored(at))).isEqualTo(at);
    refused(moment, "2026-04-01");
  }

  @Test
  void onlyABooleanIsAFlag() {
    ProcessVariable<Boolean> flag = ProcessVariable.flag("significant");
    assertThat(flag.convert(true)).isTrue();
    refused(flag, "true");
    refused(flag, 1);
  }

  @Test
  void aCountIsAWholeNumberOfAnyIntegerType() {
    ProcessVariable<Integer> count = ProcessVariable.count("women");
    assertThat(count.convert(3L)).isEqualTo(3);
    assertThat(count.convert(3.0)).isEqualTo(3);
    refused(count, 2.5);
    refused(count, "3");
  }

  @Test
  void aListIsReadFromJsonOrFromAFormsCommaSeparatedText() {
    ProcessVariable<List<String>> list = ProcessVariable.list("committees");
    assertThat(list.convert("Elinvoimalautakunta, Sivistyslautakunta,,"))
        .containsExactly("Elinvoimalautakunta", "Sivistyslautakunta");
    assertThat(list.convert(List.of("A", "B"))).containsExactly("A", "B");
    assertThat(list.stored(List.of("A"))).isEqualTo(List.of("A"));
    refused(list, 5);
  }

  @Test
  void aListIsReadFromTheJsonArrayAChecklistSubmits() {
    ProcessVariable<List<String>> list = ProcessVariable.list("bestObjectives");
    assertThat(list.convert(org.camunda.spin.Spin.JSON("[\"O-A\",\"O-B\"]")))
        .containsExactly("O-A", "O-B");
    assertThat(list.convert("[\"O-A\"]")).containsExactly("O-A");
    assertThat(list.convert("[]")).isEmpty();
    refused(list, "[\"O-A\"");
  }

  private static void refused(ProcessVariable<?> variable, Object value) {
    assertThatThrownBy(() -> variable.convert(value))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.getMessage()).contains(variable.name());
            });
  }
}
