package fi.muutos.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The municipality Muutos serves ({@code muutos.municipality.*}): its name on the start page, the
 * dashboard and the Camunda webapps' header, optionally its logo (an image resource, e.g. {@code
 * file:/etc/muutos/logo.svg}), and its decision-making bodies as its minutes name them (the bodies
 * a recorded decision can come from).
 */
@Validated
@ConfigurationProperties("muutos.municipality")
public record MunicipalitySettings(
    @NotBlank String name, Resource logo, @NotEmpty List<@NotBlank String> bodies) {

  /** The configured body of this name (case and surrounding space aside), if there is one. */
  public Optional<String> body(String name) {
    String wanted = name == null ? "" : name.strip();
    return bodies.stream().filter(b -> b.strip().equalsIgnoreCase(wanted)).findFirst();
  }

  public boolean hasLogo() {
    return logo != null && logo.exists();
  }
}
