package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.MuutosApplication;
import fi.muutos.testing.OwnJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile: no demo users, and no start without a proper admin password. */
@OwnJvm
class ProductionProfileTest {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MUUTOS_ADMIN_PASSWORD")
        .hasMessageContaining("did not start");
  }

  @Test
  void refusesTheDemoPassword() {
    assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password=demo"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("too weak");
  }

  @Test
  void refusesDemoUsers() {
    assertThatThrownBy(
            () ->
                start(
                    "--camunda.bpm.admin-user.password=a-strong-password-1",
                    "--muutos.demo.enabled=true"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo users");
  }

  @Test
  void refusesTheDemosClientSecretOfSingleSignOn() {
    assertThatThrownBy(
            () ->
                start(
                    "--camunda.bpm.admin-user.password=a-strong-password-1",
                    "--spring.security.oauth2.client.registration.muutos.client-id=muutos",
                    "--spring.security.oauth2.client.registration.muutos.client-secret="
                        + "demo-muutos-secret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MUUTOS_OIDC_CLIENT_SECRET");
  }

  @Test
  void startsWithAStrongPasswordAndCreatesGroupsButNoDemoUsers() {
    try (ConfigurableApplicationContext context =
        start("--camunda.bpm.admin-user.password=a-strong-password-1")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "a-strong-password-1")).isTrue();
      assertThat(identity.createUserQuery().userId("kaavoittaja").count()).isZero();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(
              identity
                  .createGroupQuery()
                  .groupIdIn(
                      "kaavoitus",
                      "hallinto",
                      "henkilosto",
                      "talous",
                      "kirjaamo",
                      "johtoryhma",
                      "camunda-admin")
                  .count())
          .isEqualTo(7);
    }
  }

  /** With the provider's tokens, prod takes no passwords on the APIs unless told to. */
  @Test
  void withTheProvidersTokensBasicIsOffByDefault() throws Exception {
    try (ConfigurableApplicationContext context =
        start(
            "--camunda.bpm.admin-user.password=a-strong-password-1",
            // never reached: the provider's keys are fetched on the first token
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/x",
            "--muutos.identity.oidc.audience=muutos")) {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> basic =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/strategy"))
                      .header(
                          "Authorization",
                          "Basic "
                              + java.util.Base64.getEncoder()
                                  .encodeToString("admin:a-strong-password-1".getBytes()))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(basic.statusCode()).isEqualTo(401);
      assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }
  }

  /**
   * Behind the proxy (which terminates TLS and sends X-Forwarded-Proto: https), every path carries
   * HSTS: the API, the webapps, the pages and the health check; plain http does not (a browser
   * ignores it there, and RFC 6797 says not to send it).
   */
  @Test
  void behindTheProxyEveryPathCarriesHsts() throws Exception {
    try (ConfigurableApplicationContext context =
        start("--camunda.bpm.admin-user.password=a-strong-password-1")) {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      for (String path :
          List.of(
              "/",
              "/strategia.html",
              "/api/strategy",
              "/engine-rest/engine",
              "/camunda/app/tasklist/default/",
              "/actuator/health",
              "/public/strategy",
              "/v3/api-docs")) {
        HttpResponse<String> proxied =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
            .as(path)
            .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
      }
      HttpResponse<String> plain =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--spring.profiles.active=prod";
    all[1] = "--server.port=0";
    all[2] = "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    all[3] = "--camunda.bpm.job-execution.enabled=false";
    System.arraycopy(args, 0, all, 4, args.length);
    return new SpringApplicationBuilder(MuutosApplication.class).run(all);
  }
}
