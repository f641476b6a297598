package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Finnish translations of Tasklist, Welcome, Cockpit and Admin cover every label of the
 * webjar's 7.24 {@code en.json} (the file a Camunda upgrade would change), keep every placeholder,
 * and leave nothing empty that English fills (the Camunda 8 migration banner excepted: it is not
 * shown).
 */
class TranslationTest {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

  /**
   * The migration banner (not shown), and the English plural "s" Cockpit appends to a word (Finnish
   * inflects the word itself).
   */
  static final Set<String> INTENTIONALLY_EMPTY =
      Set.of(
          "BANNER_CE_EOL_TEXT",
          "PLGN_BATCH_S",
          "PLGN_MIG_S",
          "PLGN_MOD_DIALOG_S",
          "PLGN_MOD_RESTART_DIALOG_S");

  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void finnishHasEveryEnglishLabel(String app) throws IOException {
    JsonNode english = labels(webjarFile(app, "en.json"));
    JsonNode finnish = labels(ourFile(app));

    assertThat(names(finnish)).isEqualTo(names(english));
    List<String> problems = new ArrayList<>();
    english
        .fields()
        .forEachRemaining(
            entry -> {
              String en = entry.getValue().asText();
              String fi = finnish.path(entry.getKey()).asText();
              if (!en.isBlank() && fi.isBlank() && !INTENTIONALLY_EMPTY.contains(entry.getKey())) {
                problems.add(entry.getKey() + " is empty");
              }
              if (!placeholders(en).equals(placeholders(fi))
                  && !INTENTIONALLY_EMPTY.contains(entry.getKey())) {
                problems.add(entry.getKey() + " changes the placeholders " + placeholders(en));
              }
            });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void finnishDatesAreFinnish(String app) throws IOException {
    JsonNode dates = read(ourFile(app)).path("dateLocales");
    assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("D.M.YYYY");
    assertThat(dates.path("months").get(0).asText()).isEqualTo("tammikuu");
    assertThat(dates.path("week").path("dow").asInt()).isEqualTo(1);
  }

  private JsonNode labels(URL file) throws IOException {
    return read(file).path("labels");
  }

  private JsonNode read(URL file) throws IOException {
    try (InputStream in = file.openStream()) {
      byte[] bytes = in.readAllBytes();
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0; // UTF-8 BOM
      return json.readTree(
          new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The en.json inside the Camunda webjar (not our classes). */
  private static URL webjarFile(String app, String name) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + name;
    for (URL url : Collections.list(TranslationTest.class.getClassLoader().getResources(path))) {
      if (url.toString().startsWith("jar:")) {
        return url;
      }
    }
    throw new AssertionError("no " + path + " in the Camunda webjar");
  }

  private static URL ourFile(String app) {
    return TranslationTest.class
        .getClassLoader()
        .getResource("META-INF/resources/webjars/camunda/app/" + app + "/locales/fi.json");
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    PLACEHOLDER.matcher(text).results().forEach(m -> found.add(m.group(1)));
    return found;
  }
}
