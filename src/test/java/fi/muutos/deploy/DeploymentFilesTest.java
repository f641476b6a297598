package fi.muutos.deploy;

import static fi.muutos.deploy.DeploymentFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fi.muutos.deploy.DeploymentFiles.Instruction;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * The image and the compose file, checked as far as a machine without Docker can: the compose file
 * against the Compose Specification's schema (vendored in src/test/resources/deploy), every
 * variable it gives the nodes bound to a real setting, every file it mounts present and parsed and
 * agreeing with the rest (nginx's upstreams and port, the Keycloak realm and the single sign-on
 * settings, the trusted proxy's address), and the Dockerfile copying what the build reads and
 * naming the jar the build makes. {@code DeploymentHealthIT} runs the declared health checks
 * against the packaged jar. Each check has a negative case, so none passes by checking nothing.
 */
class DeploymentFilesTest {

  // --- the compose file ------------------------------------------------------------------------

  @Test
  void theComposeFileIsValidAgainstTheComposeSpecification() throws IOException {
    Schema schema = composeSchema();
    assertThat(schema.validate(DeploymentFiles.composeJson())).isEmpty();

    ObjectNode broken = (ObjectNode) DeploymentFiles.composeJson();
    ((ObjectNode) broken.path("services").path("proxy")).put("restrat", "always");
    ((ObjectNode) broken.path("services").path("db")).put("ports", 5432);
    List<Error> errors = schema.validate(broken);
    assertThat(errors).extracting(Error::toString).anyMatch(e -> e.contains("restrat"));
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
  }

  private static Schema composeSchema() throws IOException {
    try (InputStream in =
        DeploymentFilesTest.class.getResourceAsStream("/deploy/compose-spec.json")) {
      // the schema's own $id is relative: give it a base to resolve against
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(
              SchemaLocation.of("https://muutos.example/deploy/compose-spec.json"),
              JSON.readTree(in));
    }
  }

  @Test
  void everyVariableTheNodesAreGivenIsASetting() throws Exception {
    Settings settings = Settings.load();
    for (String node : List.of("app", "app-2")) {
      Map<String, Object> environment = environment(node);
      assertThat(environment)
          .as(node)
          .containsKeys("SPRING_DATASOURCE_URL", "MUUTOS_ADMIN_PASSWORD");
      Set<String> unbound = new TreeSet<>();
      environment.keySet().stream().filter(key -> !settings.binds(key)).forEach(unbound::add);
      assertThat(unbound).as("variables of " + node + " that no setting reads").isEmpty();
    }
    assertThat(settings.binds("MUUTOS_NOTIFICATION_BASE_URL")).as("a misspelt name").isFalse();
    assertThat(settings.binds("SPRING_DATASOURCE_URLL")).isFalse();
    assertThat(settings.binds("MUUTOS_NOTIFICATIONS_BASE_URL")).isTrue();
    assertThat(settings.binds("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME")).isTrue();
  }

  @Test
  void everyFileTheComposeFileMountsExistsAndParses() throws IOException {
    Map<String, JsonNode> services = services();
    List<String> mounted = new ArrayList<>();
    services.forEach(
        (name, service) ->
            service
                .path("volumes")
                .forEach(
                    volume -> {
                      String source = volume.asText().split(":")[0];
                      if (source.startsWith("./")) {
                        mounted.add(source);
                      }
                    }));
    assertThat(mounted)
        .contains("./deploy/sso", "./deploy/keycloak/muutos-realm.json", "./deploy/nginx.conf");
    for (String source : mounted) {
      Path path = Path.of(source);
      assertThat(path).as(source).exists();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
          assertThat(JSON.readTree(file.toFile())).as(file.toString()).isNotNull();
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          assertThat((Object) new Yaml().load(Files.readString(file)))
              .as(file.toString())
              .isNotNull();
        } else if (name.endsWith(".conf")) {
          assertThat(Nginx.parse(Files.readString(file)).blocks()).as(file.toString()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void theProxyAndTheNodesAgreeOnPortsAndAddresses() throws IOException {
    Map<String, JsonNode> services = services();
    Nginx nginx = Nginx.parse(Files.readString(DeploymentFiles.NGINX));
    assertThat(nginx.upstreamServers("muutos")).containsExactlyInAnyOrder("app:8080", "app-2:8080");
    for (String server : nginx.upstreamServers("muutos")) {
      String[] hostPort = server.split(":");
      assertThat(services).as("an upstream of nginx is a service").containsKey(hostPort[0]);
      String port = String.valueOf(environment(hostPort[0]).getOrDefault("SERVER_PORT", "8080"));
      assertThat(hostPort[1]).as(server + " is the node's own port").isEqualTo(port);
    }
    assertThat(nginx.directive("proxy_pass")).isEqualTo("http://muutos");
    // the edge overwrites the header; the nodes believe it from nginx's fixed address only
    assertThat(nginx.directives("proxy_set_header")).contains("X-Forwarded-For $remote_addr");
    String published = services.get("proxy").path("ports").get(0).asText();
    assertThat(published.substring(published.lastIndexOf(':') + 1))
        .as("the proxy publishes the port nginx listens on")
        .isEqualTo(nginx.directive("listen"));
    String proxyAddress =
        services.get("proxy").path("networks").path("default").path("ipv4_address").asText();
    Pattern trusted =
        Pattern.compile(String.valueOf(environment("app").get("MUUTOS_TRUSTED_PROXIES")));
    assertThat(trusted.matcher(proxyAddress).matches()).as(proxyAddress).isTrue();
    assertThat(trusted.matcher("172.28.0.11").matches()).as("another container").isFalse();
    String subnet =
        DeploymentFiles.composeJson()
            .path("networks")
            .path("default")
            .path("ipam")
            .path("config")
            .get(0)
            .path("subnet")
            .asText();
    assertThat(proxyAddress).startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));

    Nginx wrong = Nginx.parse("upstream muutos { server app:9090; } server { listen 80; }");
    assertThat(wrong.upstreamServers("muutos")).doesNotContain("app:8080");
    assertThat(wrong.directive("listen")).isEqualTo("80");
  }

  @Test
  void singleSignOnsRealmAndSettingsAgree() throws IOException {
    JsonNode realm = JSON.readTree(Path.of("deploy/keycloak/muutos-realm.json").toFile());
    String keycloak = Files.readString(Path.of("deploy/sso/keycloak.yml"));
    assertThat(keycloak).contains("/realms/" + realm.path("realm").asText());
    Set<String> clients = new HashSet<>();
    realm.path("clients").forEach(client -> clients.add(client.path("clientId").asText()));
    assertThat(clients).contains("muutos", "kokousjarjestelma");
    String additional = String.valueOf(environment("app").get("SPRING_CONFIG_ADDITIONAL_LOCATION"));
    Matcher sso =
        Pattern.compile("/etc/muutos/sso/\\$\\{MUUTOS_SSO:-([a-z-]+)}\\.yml").matcher(additional);
    assertThat(sso.find()).as(additional).isTrue();
    assertThat(Path.of("deploy/sso", sso.group(1) + ".yml")).exists();
    assertThat(Path.of("deploy/sso/entra-id.yml")).exists();
  }

  // --- the image ------------------------------------------------------------------------------

  @Test
  void theImageBuildsWhatTheBuildReadsAndRunsTheJarItMakes() throws IOException {
    List<Instruction> instructions = DeploymentFiles.dockerfile();
    List<String> copied = new ArrayList<>();
    instructions.stream()
        .filter(i -> i.stage() == 0 && i.keyword().equals("COPY"))
        .forEach(
            copy -> {
              List<String> parts = List.of(copy.arguments().split("\\s+"));
              copied.addAll(parts.subList(0, parts.size() - 1));
            });
    for (String source : copied) {
      assertThat(Path.of(source)).as("the build stage copies " + source).exists();
    }
    // what the build reads: the pom, the wrapper and .mvn (jvm.config), sources, resources
    Set<String> read = new TreeSet<>(List.of("pom.xml", "mvnw", ".mvn", "src"));
    read.addAll(resourceDirectories());
    assertThat(copied).containsAll(read);
    assertThat(instructions)
        .filteredOn(i -> i.stage() == 0 && i.keyword().equals("RUN"))
        .extracting(Instruction::arguments)
        .anyMatch(run -> run.startsWith("./mvnw ") && run.contains("package"));

    String artifactId = pomValue("artifactId");
    String build =
        instructions.stream()
            .filter(i -> i.stage() == 0 && i.arguments().contains("package"))
            .findFirst()
            .orElseThrow()
            .arguments();
    Matcher jar = Pattern.compile("cp target/([\\w.*-]+\\.jar) (\\S+)").matcher(build);
    assertThat(jar.find()).as(build).isTrue();
    String made = artifactId + "-" + pomValue("version") + ".jar";
    assertThat(made).matches(jar.group(1).replace(".", "\\.").replace("*", ".*"));
    String inBuild = jar.group(2);
    Instruction runtimeCopy =
        instructions.stream()
            .filter(i -> i.stage() == 1 && i.keyword().equals("COPY"))
            .findFirst()
            .orElseThrow();
    assertThat(runtimeCopy.arguments()).startsWith("--from=build " + inBuild + " ");
    String inImage =
        runtimeCopy.arguments().substring(runtimeCopy.arguments().lastIndexOf(' ') + 1);
    List<String> entryPoint =
        DeploymentFiles.strings(
            instructions.stream()
                .filter(i -> i.keyword().equals("ENTRYPOINT"))
                .findFirst()
                .orElseThrow()
                .arguments());
    assertThat(entryPoint).containsSequence("-jar", inImage);
    assertThat(DeploymentFiles.imageHealthCommand())
        .containsSequence("-jar", inImage, "health-check");
  }

  @Test
  void everyHealthCheckUsesOnlyWhatItsImageHas() {
    // the JRE image: java, never a shell's socket (its /bin/sh is dash, which has none)
    assertThat(DeploymentFiles.imageHealthCommand().get(0)).isEqualTo("java");
    Map<String, JsonNode> services = services();
    for (String node : List.of("app", "app-2")) {
      List<String> test = strings(services.get(node).path("healthcheck").path("test"));
      assertThat(test).as(node).startsWith("CMD", "java").contains("health-check");
    }
    // PostgreSQL's image has pg_isready; Keycloak's has bash (its kc.sh is a bash script)
    assertThat(strings(services.get("db").path("healthcheck").path("test")))
        .startsWith("CMD-SHELL")
        .anyMatch(part -> part.startsWith("pg_isready"));
    assertThat(strings(services.get("keycloak").path("healthcheck").path("test")))
        .startsWith("CMD", "bash", "-c");
    assertThat(
            services.values().stream()
                .map(service -> strings(service.path("healthcheck").path("test")))
                .filter(test -> test.size() > 1 && test.get(1).equals("sh")))
        .as("no health check relies on sh")
        .isEmpty();
  }

  // --- a JDK-only start ------------------------------------------------------------------------

  /** The README's two commands need only a JDK: the wrapper, from Maven Central; CI runs them. */
  @Test
  void theReadmesCommandsNeedOnlyAJdk() throws IOException {
    assertThat(Path.of("mvnw")).isExecutable();
    assertThat(Path.of("mvnw.cmd")).exists();
    String wrapper = Files.readString(Path.of(".mvn/wrapper/maven-wrapper.properties"));
    assertThat(wrapper)
        .containsPattern(
            "distributionUrl=https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/"
                + "apache-maven/3\\.9\\.\\d+/apache-maven-3\\.9\\.\\d+-bin\\.zip");
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("```sh\n./mvnw spring-boot:run\n```", "```sh\n./mvnw verify\n```");
    assertThat(readme).doesNotContainPattern("(?m)^mvn ");
    List<String> ci = DeploymentFiles.lines(Path.of(".ci/run"));
    assertThat(ci.get(ci.size() - 1)).isEqualTo("./mvnw -B verify");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Map<String, JsonNode> services() {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    DeploymentFiles.composeJson()
        .path("services")
        .fields()
        .forEachRemaining(entry -> services.put(entry.getKey(), entry.getValue()));
    return services;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String service) {
    Map<String, Object> services = (Map<String, Object>) DeploymentFiles.compose().get("services");
    Map<String, Object> definition = (Map<String, Object>) services.get(service);
    Object environment = definition.get("environment");
    return environment == null ? Map.of() : (Map<String, Object>) environment;
  }

  private static List<String> strings(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return items;
  }

  private static List<String> resourceDirectories() {
    String pom = String.join("\n", DeploymentFiles.lines(Path.of("pom.xml")));
    Matcher directory =
        Pattern.compile("<resource>\\s*<directory>([^<]+)</directory>").matcher(pom);
    List<String> top = new ArrayList<>();
    while (directory.find()) {
      top.add(directory.group(1).split("/")[0]);
    }
    return top;
  }

  /** The project's own artifactId or version (the first one after its parent's). */
  private static String pomValue(String element) {
    String pom = String.join("\n", DeploymentFiles.lines(Path.of("pom.xml")));
    String own = pom.substring(pom.indexOf("</parent>"));
    Matcher value = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(own);
    assertThat(value.find()).isTrue();
    return value.group(1);
  }

  /**
   * The settings an environment variable can set: placeholders in the configuration files ({@code
   * ${MUUTOS_ADMIN_PASSWORD:...}}), Spring Boot's and Camunda's documented properties (their
   * configuration metadata), and Muutos' own {@code @ConfigurationProperties}; a variable sets one
   * if Spring Boot's own relaxed binding maps it there.
   */
  record Settings(Set<String> placeholders, Set<String> properties, Set<String> maps) {

    static Settings load() throws Exception {
      Set<String> placeholders = new HashSet<>();
      Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
      List<Path> configuration = new ArrayList<>();
      try (Stream<Path> main = Files.list(Path.of("src/main/resources"));
          Stream<Path> sso = Files.list(Path.of("deploy/sso"))) {
        Stream.concat(main, sso)
            .filter(file -> file.toString().endsWith(".yml"))
            .forEach(configuration::add);
      }
      for (Path file : configuration) {
        Matcher matcher = placeholder.matcher(Files.readString(file));
        while (matcher.find()) {
          placeholders.add(matcher.group(1));
        }
      }
      Set<String> properties = new HashSet<>();
      Set<String> maps = new HashSet<>();
      for (String metadata :
          List.of(
              "META-INF/spring-configuration-metadata.json",
              "META-INF/additional-spring-configuration-metadata.json")) {
        for (URL url : Collections.list(Settings.class.getClassLoader().getResources(metadata))) {
          try (InputStream in = url.openStream()) {
            for (JsonNode property : JSON.readTree(in).path("properties")) {
              String name = property.path("name").asText();
              if (ConfigurationPropertyName.isValid(name)) {
                properties.add(name);
                if (property.path("type").asText().startsWith("java.util.Map")) {
                  maps.add(name);
                }
              }
            }
          }
        }
      }
      var scanner = new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
      for (var candidate : scanner.findCandidateComponents("fi.muutos")) {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
        own(prefix, type, properties, maps);
      }
      return new Settings(placeholders, properties, maps);
    }

    private static void own(
        String prefix, Class<?> type, Set<String> properties, Set<String> maps) {
      if (!type.isRecord()) {
        maps.add(prefix); // a class of its own: anything below its prefix
        return;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        String name = prefix + "." + kebab(component.getName());
        properties.add(name);
        Class<?> value = component.getType();
        if (Map.class.isAssignableFrom(value)) {
          maps.add(name);
        } else if (value.isRecord() && value.getName().startsWith("fi.muutos")) {
          own(name, value, properties, maps);
        } else if (List.class.isAssignableFrom(value)) {
          Type generic = component.getGenericType();
          if (generic instanceof ParameterizedType list
              && list.getActualTypeArguments()[0] instanceof Class<?> item
              && item.isRecord()) {
            maps.add(name); // indexed items
          }
        }
      }
    }

    private static String kebab(String camel) {
      return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    boolean binds(String variable) {
      if (placeholders.contains(variable)) {
        return true;
      }
      ConfigurationPropertySource source =
          ConfigurationPropertySource.from(
              // under the name Spring Boot gives the environment, so it maps names as it does there
              new SystemEnvironmentPropertySource(
                  StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                  Map.<String, Object>of(variable, "x")));
      return properties.stream()
              .map(ConfigurationPropertyName::of)
              .anyMatch(name -> source.getConfigurationProperty(name) != null)
          || maps.stream()
              .map(ConfigurationPropertyName::of)
              .anyMatch(
                  name -> source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
    }
  }
}
