package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model under processes/ follows the conventions; the checker itself catches bad models. */
class ModelConventionsTest {

  private static final List<Path> CODE =
      List.of(Path.of("src/main/java"), Path.of("src/test/java"));

  @Test
  void everyModelUnderProcessesFollowsTheConventions() {
    assertThat(ModelConventions.check(Path.of("processes"), CODE)).isEmpty();
  }

  @Test
  void testModelsFollowTheConventionsToo() {
    assertThat(ModelConventions.check(Path.of("src/test/resources/processes"), CODE)).isEmpty();
  }

  @Test
  void everyFormRefNamesAFormThatExists() throws Exception {
    java.util.Set<String> formIds = new java.util.HashSet<>();
    try (var files = java.nio.file.Files.walk(Path.of("processes"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        formIds.add(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(form.toFile())
                .path("id")
                .asText());
      }
    }
    // (a formRef that is an expression names a form generated at run time)
    assertThat(ModelConventions.formRefs(Path.of("processes")))
        .filteredOn(ref -> !ref.startsWith("${"))
        .isSubsetOf(formIds);
  }

  @Test
  void anEmptyFolderPasses(@TempDir Path empty) {
    assertThat(ModelConventions.check(empty, CODE)).isEmpty();
  }

  @Test
  void aBadModelIsCaughtOnEveryRule() {
    List<String> violations =
        ModelConventions.check(
            Path.of("src/test/resources/models/bad"),
            List.of(Path.of("src/test/resources/models/bad-code")));

    assertThat(violations)
        .containsExactlyInAnyOrder(
            "bad-process.bpmn: no diagram (BPMNDI)",
            "bad-process.bpmn: process badProcess has no camunda:historyTimeToLive",
            "bad-process.bpmn: process badProcess has no name",
            "bad-process.bpmn: user task Activity_0x9y8z7 has no candidate groups",
            "bad-process.bpmn: user task Activity_0x9y8z7 has no camunda:formRef",
            "bad-process.bpmn: service task serviceTask_byClass must use camunda:delegateExpression only",
            "bad-process.bpmn: generated id Activity_0x9y8z7 is referred to by code: give it a name");
  }
}
