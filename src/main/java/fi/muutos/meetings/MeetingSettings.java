package fi.muutos.meetings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code muutos.meetings.*}: the group that matches what cannot be matched by itself (the
 * registry), whether the adapters poll by themselves ({@code scheduler}), the words by which a
 * decision's text says its outcome, and each meeting system's adapter (Dynasty's: off by default).
 */
@Validated
@ConfigurationProperties("muutos.meetings")
record MeetingSettings(
    String registryGroup,
    Boolean scheduler,
    List<@Valid OutcomeWords> outcomes,
    @Valid Dynasty dynasty) {

  MeetingSettings {
    registryGroup = registryGroup == null || registryGroup.isBlank() ? "kirjaamo" : registryGroup;
    scheduler = scheduler == null || scheduler;
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    dynasty =
        dynasty == null ? new Dynasty(false, null, null, 30, null, null, null, null) : dynasty;
  }

  /**
   * An outcome of {@code fi.muutos.decision.made} (APPROVED, RETURNED, REJECTED, TABLED) and the
   * words (lower case, found anywhere in the decision's text) that say it.
   */
  record OutcomeWords(@NotBlank String outcome, List<@NotBlank String> patterns) {
    OutcomeWords {
      patterns =
          patterns == null
              ? List.of()
              : patterns.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList();
    }
  }

  /** One of the meeting system's names of a body, and the configured body it is. */
  record BodyName(@NotBlank String dynasty, @NotBlank String body) {}

  /**
   * Dynasty's public information service ("Dynasty tietopalvelu"): its address (the part before
   * {@code /cgi/DREQUEST.PHP}), the CloudEvent source of its decisions, how many items of the feed
   * to read, how often, the bodies' names, the shape of the city's record numbers, and the back-off
   * when the service is away.
   */
  record Dynasty(
      boolean enabled,
      String baseUrl,
      String source,
      int show,
      Duration pollInterval,
      Duration timeout,
      List<@Valid BodyName> bodies,
      String recordNumberPattern) {

    Dynasty {
      source = source == null || source.isBlank() ? "/dynasty" : source;
      show = show <= 0 ? 30 : Math.min(show, 200);
      pollInterval = pollInterval == null ? Duration.ofMinutes(15) : pollInterval;
      timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
      bodies = bodies == null ? List.of() : List.copyOf(bodies);
      recordNumberPattern =
          recordNumberPattern == null || recordNumberPattern.isBlank()
              ? "\\d+/\\d{2}\\.\\d{2}\\.\\d{2}/\\d{4}"
              : recordNumberPattern;
      if (enabled && (baseUrl == null || baseUrl.isBlank())) {
        throw new IllegalArgumentException(
            "muutos.meetings.dynasty.base-url puuttuu: Dynastyn osoite tarvitaan, kun sovitin on"
                + " päällä (the adapter is on but has no address)");
      }
      Pattern.compile(recordNumberPattern); // a bad pattern stops the start, with its error
    }

    Pattern recordNumber() {
      return Pattern.compile(recordNumberPattern);
    }
  }
}
