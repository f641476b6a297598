package fi.muutos.platform.web;

import fi.muutos.platform.MunicipalitySettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Camunda webapps' customisation hooks, served from configuration: Tasklist, Welcome, Cockpit
 * and Admin in Finnish by default (English for browsers that ask for it), the municipality's name
 * in the header and its logo, no Camunda 8 migration banner, and Cockpit's "Strategia" plugin.
 * These mappings take precedence over the webapps' own static {@code config.js} and {@code
 * user-styles.css}.
 */
@RestController
class WebappCustomisation {

  private static final MediaType JAVASCRIPT = MediaType.valueOf("application/javascript");
  private static final MediaType CSS = MediaType.valueOf("text/css");

  private final MunicipalitySettings municipality;
  private final boolean singleSignOn;

  WebappCustomisation(
      MunicipalitySettings municipality,
      @Value("${spring.security.oauth2.client.registration.muutos.client-id:}")
          String singleSignOnClient) {
    this.municipality = municipality;
    this.singleSignOn = !singleSignOnClient.isBlank();
  }

  /** Each webapp's name in the header, in Finnish; the municipality is its "vendor". */
  private static final Map<String, String> NAMES =
      Map.of(
          "tasklist", "Tehtävälista",
          "welcome", "Aloitus",
          "cockpit", "Seuranta",
          "admin", "Ylläpito");

  @GetMapping({"/camunda/app/{app:tasklist|welcome|cockpit|admin}/scripts/config.js"})
  ResponseEntity<String> config(@PathVariable String app) {
    String js =
        """
        export default {
          app: { name: %s, vendor: %s },
          locales: { availableLocales: ['fi', 'en'], fallbackLocale: 'fi' },
          dateFormat: { normal: 'D.M.YYYY [klo] H.mm', long: 'dddd D.M.YYYY [klo] H.mm' },
          disableWelcomeMessage: true,%s
        };
        """
            .formatted(
                quote(NAMES.get(app)), quote(municipality.name()), extras(app) + scripts(app));
    return ResponseEntity.ok()
        .contentType(JAVASCRIPT)
        .cacheControl(CacheControl.noCache())
        .body(js);
  }

  /**
   * Cockpit's "Strategia" plugin (docs/webapps.md); with single sign-on, every webapp's sign-out
   * through the identity provider.
   */
  private String scripts(String app) {
    List<String> scripts = new ArrayList<>();
    if ("cockpit".equals(app)) {
      scripts.add("'scripts/muutos-strategia'");
    }
    if (singleSignOn) {
      scripts.add("'scripts/muutos-sso'");
    }
    return scripts.isEmpty() ? "" : "\n  customScripts: [" + String.join(", ", scripts) + "]";
  }

  /** The sign-out script of single sign-on, for each webapp. */
  @GetMapping({"/camunda/app/{app:tasklist|welcome|cockpit|admin}/scripts/muutos-sso.js"})
  ResponseEntity<Resource> singleSignOnScript() {
    return ResponseEntity.ok()
        .contentType(JAVASCRIPT)
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource("webapp/muutos-sso.js"));
  }

  /** Tasklist's keyboard shortcuts in Finnish. */
  private static String extras(String app) {
    return switch (app) {
      case "tasklist" ->
          """

            shortcuts: {
              claimTask: { key: 'ctrl+alt+c', description: 'ottaa valitun tehtävän käsittelyyn' },
              focusFilter: { key: 'ctrl+shift+f', description: 'siirtää kohdistuksen ensimmäiseen suodattimeen' },
              focusList: { key: 'ctrl+alt+l', description: 'siirtää kohdistuksen ensimmäiseen tehtävään' },
              focusForm: { key: 'ctrl+alt+f', description: 'siirtää kohdistuksen lomakkeen ensimmäiseen kenttään' },
              startProcess: { key: 'ctrl+alt+p', description: 'avaa prosessin käynnistyksen' }
            },""";
      default -> "";
    };
  }

  @GetMapping({"/camunda/app/{app:tasklist|welcome|cockpit|admin}/styles/user-styles.css"})
  ResponseEntity<String> styles(@PathVariable String app) {
    StringBuilder css =
        new StringBuilder(
            """
        /* Muutos: no Camunda 8 migration banner for civil servants */
        .ce-eol-banner { display: none !important; }
        """);
    if (municipality.hasLogo()) {
      css.append(
          """
          .navbar-brand { padding-left: 44px; background: url('/municipality/logo') no-repeat 8px center;
            background-size: 28px 28px; }
          """);
    }
    return ResponseEntity.ok()
        .contentType(CSS)
        .cacheControl(CacheControl.noCache())
        .body(css.toString());
  }

  @GetMapping("/municipality/logo")
  ResponseEntity<Resource> logo() throws IOException {
    if (!municipality.hasLogo()) {
      return ResponseEntity.notFound().build();
    }
    Resource logo = municipality.logo();
    return ResponseEntity.ok()
        .contentType(MediaTypeFactory.getMediaType(logo).orElse(MediaType.APPLICATION_OCTET_STREAM))
        .contentLength(logo.contentLength())
        .body(logo);
  }

  /** A JavaScript string literal. */
  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ") + "'";
  }
}
