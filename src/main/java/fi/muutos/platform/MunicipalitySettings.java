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
 * a recorded decision can come from), of which the council (valtuusto) and the board (hallitus,
 * kuntalaki 39 §, 92 §, 96 §).
 */
@Validated
@ConfigurationProperties("muutos.municipality")
public record MunicipalitySettings(
    @NotBlank String name,
    Resource logo,
    @NotEmpty List<@NotBlank String> bodies,
    @NotBlank String council,
    @NotBlank String board) {

  /** The council and the board are two of the bodies, or the application does not start. */
  public MunicipalitySettings {
    for (String named : new String[] {council, board}) {
      if (named != null
          && bodies != null
          && bodies.stream().noneMatch(b -> b.strip().equalsIgnoreCase(named.strip()))) {
        throw new IllegalStateException(
            "muutos.municipality names '"
                + named
                + "' as its council or board, which is not one of muutos.municipality.bodies "
                + bodies);
      }
    }
  }

  /** Whether {@code name} is the council (valtuusto). */
  public boolean isCouncil(String name) {
    return name != null && name.strip().equalsIgnoreCase(council.strip());
  }

  /** The configured body of this name (case and surrounding space aside), if there is one. */
  public Optional<String> body(String name) {
    String wanted = name == null ? "" : name.strip();
    return bodies.stream().filter(b -> b.strip().equalsIgnoreCase(wanted)).findFirst();
  }

  public boolean hasLogo() {
    return logo != null && logo.exists();
  }
}
