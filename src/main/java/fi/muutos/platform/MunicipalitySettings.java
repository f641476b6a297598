package fi.muutos.platform;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The municipality Muutos serves ({@code muutos.municipality.*}): its name on the start page, the
 * dashboard and the Camunda webapps' header, and optionally its logo (an image resource, e.g.
 * {@code file:/etc/muutos/logo.svg}).
 */
@Validated
@ConfigurationProperties("muutos.municipality")
public record MunicipalitySettings(@NotBlank String name, Resource logo) {

  public boolean hasLogo() {
    return logo != null && logo.exists();
  }
}
