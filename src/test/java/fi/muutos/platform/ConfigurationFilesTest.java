package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;

/**
 * The settings live where a reader looks for them: {@code application.yml} holds the application's
 * settings, {@code municipality/heinola.yml} the municipality's data (bodies, groups, people,
 * strategy, systems, codes), {@code config/event-routes.yml} the processes' event contract. A key
 * in the wrong file fails here, and so does a municipality file that the application does not read.
 */
class ConfigurationFilesTest {

  /** What only a municipality knows. Everything else is the application's. */
  static final List<String> MUNICIPALITY_KEYS =
      List.of(
          "muutos.municipality.",
          "muutos.identity.groups",
          "muutos.demo.users",
          "muutos.cases.",
          "muutos.strategy.",
          "muutos.events.senders.",
          "muutos.ryhti.municipality-code",
          "muutos.ryhti.decision-makers",
          "muutos.zoning.area.",
          "muutos.zoning.delegated-approver",
          "muutos.zoning.statements.",
          "muutos.zoning.lead-time-measure",
          "muutos.reform.measures",
          "muutos.meetings.registry-group",
          "muutos.meetings.outcomes",
          "muutos.meetings.dynasty.source",
          "muutos.meetings.dynasty.record-number-pattern",
          "muutos.meetings.dynasty.bodies");

  static final List<String> ROUTE_KEYS =
      List.of("muutos.events.routes", "muutos.events.processes.");

  @Test
  void eachKeyIsInItsOwnFile() throws IOException {
    Set<String> application = keys("application.yml");
    assertThat(application).noneMatch(ConfigurationFilesTest::municipalitys);
    assertThat(application).noneMatch(ConfigurationFilesTest::routes);
    assertThat(application).anyMatch(key -> key.startsWith("muutos.events.horizon"));

    Set<String> municipality = keys("municipality/heinola.yml");
    assertThat(municipality).allMatch(ConfigurationFilesTest::municipalitys);
    assertThat(municipality).anyMatch(key -> key.startsWith("muutos.identity.groups"));

    assertThat(keys("config/event-routes.yml")).allMatch(ConfigurationFilesTest::routes);
  }

  @Test
  void theMunicipalityFileIsReadAndAnotherReplacesIt() {
    Environment heinola = environment();
    assertThat(heinola.getProperty("muutos.municipality.name")).isEqualTo("Heinolan kaupunki");
    assertThat(heinola.getProperty("muutos.identity.groups[0].id")).isEqualTo("kaavoitus");
    assertThat(heinola.getProperty("muutos.events.routes[0].type"))
        .isEqualTo("fi.muutos.decision.made");
    assertThat(heinola.getProperty("muutos.events.horizon")).isEqualTo("P7D");

    Environment other = environment("--MUUTOS_MUNICIPALITY=classpath:municipality/esimerkki.yml");
    assertThat(other.getProperty("muutos.municipality.name")).isEqualTo("Esimerkin kunta");
    assertThat(other.getProperty("muutos.identity.groups[0].id")).isEqualTo("maankaytto");
    // nothing of Heinola's is left: its file is not read at all
    assertThat(other.getProperty("muutos.identity.groups[1].id")).isNull();
    assertThat(other.getProperty("muutos.cases.key-prefixes.zoningPlan")).isNull();
    // the application's settings and the event contract stay
    assertThat(other.getProperty("muutos.events.routes[0].type"))
        .isEqualTo("fi.muutos.decision.made");
    assertThat(other.getProperty("muutos.events.horizon")).isEqualTo("P7D");
  }

  private static boolean municipalitys(String key) {
    return MUNICIPALITY_KEYS.stream().anyMatch(key::startsWith);
  }

  private static boolean routes(String key) {
    return ROUTE_KEYS.stream().anyMatch(key::startsWith);
  }

  private static Set<String> keys(String file) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (var source :
        new YamlPropertySourceLoader()
            .load(file, new FileSystemResource("src/main/resources/" + file))) {
      keys.addAll(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
    }
    return keys;
  }

  /** The environment Spring Boot builds from the configuration files, with nothing started. */
  private static Environment environment(String... args) {
    try (var context =
        new SpringApplicationBuilder(Nothing.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args)) {
      return context.getEnvironment();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}
}
