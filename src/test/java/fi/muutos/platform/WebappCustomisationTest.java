package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps' Finnish configuration comes from Muutos' configuration, not a static file. */
@IntegrationTest
class WebappCustomisationTest {

  @LocalServerPort int port;

  @Test
  void tasklistAndWelcomeAreConfiguredForTheMunicipalityInFinnish() {
    HttpTestClient http = new HttpTestClient(port);
    for (String app : new String[] {"tasklist", "welcome"}) {
      var config = http.get("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/javascript");
      assertThat(config.body())
          .contains(
              "vendor: 'Heinolan kaupunki'",
              "availableLocales: ['fi', 'en']",
              "fallbackLocale: 'fi'");
      assertThat(http.get("/camunda/app/" + app + "/styles/user-styles.css").body())
          .contains(".ce-eol-banner { display: none !important; }");
      assertThat(http.get("/camunda/app/" + app + "/locales/fi.json").statusCode()).isEqualTo(200);
    }
    assertThat(http.get("/municipality/logo").statusCode()).isEqualTo(404); // none configured
  }
}
