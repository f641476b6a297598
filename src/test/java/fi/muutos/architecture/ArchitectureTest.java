package fi.muutos.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import fi.muutos.MuutosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are modules (Spring Modulith: each top-level package under {@code fi.muutos}, whose
 * sub-packages are its internals): no cycles between them, and none reaches into another's
 * internals. Controllers call facades, never the engine. Each rule has a negative case on a fixture
 * with a deliberate violation, so the test cannot pass by checking nothing. The module
 * documentation (diagrams and a canvas per module) is generated from the same model into {@code
 * target/spring-modulith-docs}.
 */
class ArchitectureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(MuutosApplication.class);

  /** Controllers (in a feature's {@code web} package) never use the engine's API. */
  static final ArchRule CONTROLLERS_USE_FACADES =
      noClasses()
          .that()
          .resideInAPackage("..web..")
          .and()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.camunda.bpm.engine..")
          .because("controllers call a feature's facade; the facade talks to the engine");

  @Test
  void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
    assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
        .contains(
            "zoning",
            "organisation",
            "transfer",
            "evaluation",
            "strategy",
            "events",
            "identity",
            "integrity",
            "platform",
            "cases",
            "notifications",
            "meetings",
            "migration",
            "ryhti");
    MODULES.verify();
  }

  @Test
  void reachingIntoAnotherModulesInternalsFailsTheBuild() {
    // the fixture is test code, which the module model leaves out unless told to take it
    ImportOption everything = location -> true;
    assertThatThrownBy(
            ApplicationModules.of("fi.muutos.architecture.violation", everything)::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("Hidden");
  }

  @Test
  void controllersUseFacadesNotTheEngine() {
    CONTROLLERS_USE_FACADES.check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.muutos"));
  }

  @Test
  void aControllerThatUsesTheEngineFailsTheBuild() {
    JavaClasses fixture =
        new ClassFileImporter().importPackages("fi.muutos.architecture.violation.gamma");
    assertThatThrownBy(() -> CONTROLLERS_USE_FACADES.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GammaController");
  }

  /**
   * The classes that may use the engine's internals ({@code org.camunda.bpm.engine.impl}): each is
   * an adapter an engine upgrade must revisit (the integrity gate and its conditions, the identity
   * caches and task rights, the case-key listener, the history policy, one REST refusal and the
   * legal dates' calendar). A new class that reaches into the engine fails here, and so does a
   * listed one that no longer does (the list stays the truth).
   */
  static final java.util.Set<String> ENGINE_INTERNALS_USERS =
      java.util.Set.of(
          "fi.muutos.integrity.Caller",
          "fi.muutos.integrity.EngineGate",
          "fi.muutos.integrity.FormFields",
          "fi.muutos.integrity.IntegrityPlugin",
          "fi.muutos.integrity.OperationLog",
          "fi.muutos.integrity.ProcedureGuard",
          "fi.muutos.integrity.SecretAnswers",
          "fi.muutos.identity.AuthorizationPlugin",
          "fi.muutos.identity.CachingAuthorizationManager",
          "fi.muutos.identity.CachingIdentityProvider",
          "fi.muutos.identity.GroupTaskAuthorizationProvider",
          "fi.muutos.identity.IdentityCaches",
          "fi.muutos.cases.CaseKeyPlugin",
          "fi.muutos.platform.history.HistoryPolicy",
          "fi.muutos.platform.history.SecretBallotHistory",
          "fi.muutos.platform.FormLabels",
          "fi.muutos.platform.history.SecretStepInstances",
          "fi.muutos.platform.incidents.FinnishIncidents",
          "fi.muutos.platform.rest.EngineRestRefusals",
          "fi.muutos.platform.EngineCaller");

  static java.util.Set<String> engineInternalsUsers(JavaClasses classes) {
    java.util.Set<String> users = new java.util.TreeSet<>();
    for (var type : classes) {
      boolean uses =
          type.getDirectDependenciesFromSelf().stream()
              .anyMatch(
                  dependency ->
                      dependency
                          .getTargetClass()
                          .getPackageName()
                          .startsWith("org.camunda.bpm.engine.impl"));
      if (uses) {
        // a nested or anonymous class counts for the class it is written in
        users.add(type.getName().replaceAll("\\$.*", ""));
      }
    }
    return users;
  }

  @Test
  void onlyTheNamedAdaptersUseTheEnginesInternals() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.muutos");
    assertThat(engineInternalsUsers(main)).isEqualTo(ENGINE_INTERNALS_USERS);
    // the check finds such a class (a test fixture that reaches into the engine)
    assertThat(
            engineInternalsUsers(
                new ClassFileImporter()
                    .importPackages("fi.muutos.architecture.violation.internals")))
        .containsExactly("fi.muutos.architecture.violation.internals.ReachesIn");
  }

  /**
   * docs/engine-extensions.md has a row per class that uses the engine's internals, naming the test
   * that fails when an upgrade changes what it relies on; the test exists, and the class's Javadoc
   * points to the page and names the test.
   */
  @Test
  void everyUseOfTheEnginesInternalsNamesTheTestThatGuardsIt() throws Exception {
    java.util.Map<String, String> rows = new java.util.TreeMap<>();
    var row =
        java.util.regex.Pattern.compile(
            "^\\| `(fi\\.muutos\\.[\\w.]+)` \\|.*\\| `([\\w.]+)#(\\w+)` \\|$");
    for (String line :
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("docs/engine-extensions.md"))) {
      var matcher = row.matcher(line);
      if (matcher.matches()) {
        rows.put(matcher.group(1), matcher.group(2) + "#" + matcher.group(3));
      }
    }
    assertThat(rows.keySet()).isEqualTo(new java.util.TreeSet<>(ENGINE_INTERNALS_USERS));
    rows.forEach(
        (type, test) -> {
          String testClass = "fi.muutos." + test.substring(0, test.indexOf('#'));
          String method = test.substring(test.indexOf('#') + 1);
          assertThat(java.util.Arrays.stream(classNamed(testClass).getDeclaredMethods()))
              .as(type + ": " + test)
              .anyMatch(m -> m.getName().equals(method));
          String source = source(type);
          assertThat(source)
              .as(type + " names the page and its test in its Javadoc")
              .contains("docs/engine-extensions.md")
              .contains(method);
        });
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no test class " + name, e);
    }
  }

  private static String source(String type) {
    try {
      return java.nio.file.Files.readString(
          java.nio.file.Path.of("src/main/java", type.replace('.', '/') + ".java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The most lines a class in src/main may have: a maintainer reads it in one sitting. */
  static final int MAX_LINES = 400;

  @Test
  void everyClassReadsInOneSitting() throws java.io.IOException {
    java.util.Map<String, Long> tooLong = new java.util.TreeMap<>();
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        long lines;
        try (var text = java.nio.file.Files.lines(file)) {
          lines = text.count();
        }
        if (lines >= MAX_LINES) {
          tooLong.put(file.toString(), lines);
        }
      }
    }
    assertThat(tooLong).as("split along the law's concepts (docs/architecture.md)").isEmpty();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
    assertThat(java.nio.file.Path.of("target/spring-modulith-docs/components.puml")).exists();
  }
}
