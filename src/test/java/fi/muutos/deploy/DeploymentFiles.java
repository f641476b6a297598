package fi.muutos.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files as an operator's tools read them: the Dockerfile's stages, copies, health
 * check and entry point; the compose file as Compose resolves it (anchors and merge keys); the
 * health commands each declares.
 */
final class DeploymentFiles {

  static final Path ROOT = Path.of(".");
  static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path NGINX = ROOT.resolve("deploy/nginx.conf");
  static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentFiles() {}

  /** One instruction of the Dockerfile, continuation lines joined. */
  record Instruction(int stage, String keyword, String arguments) {}

  static List<Instruction> dockerfile() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int stage = -1;
    for (String line : lines(DOCKERFILE)) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current.setLength(0);
      int space = text.indexOf(' ');
      String keyword = text.substring(0, space).toUpperCase();
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(stage, keyword, text.substring(space + 1).strip()));
    }
    return instructions;
  }

  /** The health command of the image: the exec form after {@code CMD}. */
  static List<String> imageHealthCommand() {
    String healthcheck =
        dockerfile().stream()
            .filter(i -> i.keyword().equals("HEALTHCHECK"))
            .map(Instruction::arguments)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the Dockerfile declares no HEALTHCHECK"));
    Matcher cmd = Pattern.compile("CMD\\s+(\\[.*])\\s*$").matcher(healthcheck);
    if (!cmd.find()) {
      throw new AssertionError("the HEALTHCHECK is not in exec form: " + healthcheck);
    }
    return strings(cmd.group(1));
  }

  static List<String> strings(String jsonArray) {
    try {
      List<String> items = new ArrayList<>();
      JSON.readTree(jsonArray).forEach(item -> items.add(item.asText()));
      return items;
    } catch (IOException e) {
      throw new AssertionError("not a JSON array of strings: " + jsonArray, e);
    }
  }

  /** The compose file as Compose resolves it (merge keys, anchors), as a map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() {
    try {
      return (Map<String, Object>) new Yaml().load(Files.readString(COMPOSE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode composeJson() {
    return JSON.valueToTree(compose());
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
