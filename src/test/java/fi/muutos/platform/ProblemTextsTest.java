package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A problem speaks the reader's language (issue 36): Finnish by default, English for a request that
 * asks for it; the machine type never changes; a wrong value names its field.
 */
@IntegrationTest
class ProblemTextsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void aWrongValueNamesItsFieldInFinnishAndInEnglishWhenAskedFor() throws Exception {
    String body =
        """
        {"serviceName": "Vesihuolto", "serviceKind": "VESI", "recipient": "Lahti Aqua Oy",
         "arrangement": "EXISTING_COMPANY", "staffMoving": true, "transferDate": "2027-07-01"}""";
    HttpTestClient http = new HttpTestClient(port);
    JsonNode finnish =
        json.readTree(http.postJson("/api/transfers", "hallintojohtaja", "demo", body).body());
    assertThat(finnish.path("type").asText()).isEqualTo("urn:muutos:problem:unreadable-body");
    assertThat(finnish.path("title").asText()).isEqualTo("Pyynnön sisältöä ei voi lukea");
    assertThat(finnish.path("detail").asText())
        .startsWith("Kentän serviceKind arvo VESI ei ole sallittu; sallitut arvot: [");

    var english =
        http.send(
            "/api/transfers",
            "hallintojohtaja",
            "demo",
            "application/json",
            body,
            "Accept-Language",
            "en-GB,en;q=0.9,fi;q=0.5");
    JsonNode problem = json.readTree(english.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:muutos:problem:unreadable-body");
    assertThat(problem.path("title").asText()).isEqualTo("Unreadable request body");
    assertThat(problem.path("detail").asText()).startsWith("The value VESI of serviceKind");

    JsonNode missing =
        json.readTree(http.get("/api/reforms/987654321", "hallintojohtaja", "demo").body());
    assertThat(missing.path("status").asInt()).isEqualTo(404);
    assertThat(missing.path("title").asText()).isEqualTo("Ei löydy");
  }

  /** Every problem a filter or handler writes has a Finnish title, and English beside it. */
  @Test
  void everyProblemTypeHasAFinnishTitleAndAnEnglishOne() throws IOException {
    Properties finnish = bundle("/i18n/problems.properties");
    Properties english = bundle("/i18n/problems_en.properties");
    assertThat(english.stringPropertyNames()).isEqualTo(finnish.stringPropertyNames());
    Set<String> slugs = new TreeSet<>();
    Pattern call = Pattern.compile("Problems\\.(?:of|write)\\(([^;]*)", Pattern.DOTALL);
    Pattern slug =
        Pattern.compile("\"([a-z]+(?:-[a-z]+)+|forbidden|internal|unavailable|unauthorized)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var calls = call.matcher(Files.readString(file));
        while (calls.find()) {
          var literal = slug.matcher(calls.group(1));
          if (literal.find()) {
            slugs.add(literal.group(1));
          }
        }
      }
    }
    assertThat(slugs).isNotEmpty();
    // a fixed detail is the bundle's (the English beside the key is only the code's fallback)
    Pattern detail = Pattern.compile("Problems\\.text\\(\\s*\"([a-z0-9.-]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var keys = detail.matcher(Files.readString(file));
        while (keys.find()) {
          assertThat(finnish).as(file + ": " + keys.group(1)).containsKey(keys.group(1));
        }
      }
    }
    assertThat(slugs)
        .as("slugs without a Finnish title in i18n/problems.properties")
        .allMatch(s -> finnish.containsKey(s + ".title"));
  }

  /**
   * Every refusal a person may read starts in Finnish (English may follow in parentheses): the
   * message of each DomainException, of a feature's {@code invalid(...)} and of a legal date's.
   */
  @Test
  void everyRefusalAPersonReadsStartsInFinnish() throws IOException {
    Pattern refusal =
        Pattern.compile(
            "(?:new DomainException\\((?:[^\"]*?),\\s*\"[a-z0-9-]+\",|invalid\\(|legalDate\\()"
                + "\\s*\"([^\"]*)\"",
            Pattern.DOTALL);
    Pattern english =
        Pattern.compile(
            "^(The|A|An|There|Each|No|Only|Unknown|Invalid|This|Your|It|Someone|Another|Reform)\\b");
    java.util.List<String> found = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var messages = refusal.matcher(Files.readString(file));
        while (messages.find()) {
          if (english.matcher(messages.group(1)).find()) {
            found.add(file.getFileName() + ": " + messages.group(1));
          }
        }
      }
    }
    assertThat(found).as("refusals that start in English").isEmpty();
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ProblemTextsTest.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
