package fi.muutos.ryhti;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of plans to Ryhti ({@code muutos.ryhti.*}). Off by default: then nothing is sent, but
 * every message is still queued, so the queue shows what would be. The client secret comes from the
 * environment ({@code MUUTOS_RYHTI_CLIENT_SECRET}) and is never logged or shown.
 *
 * @param enabled whether messages are sent
 * @param baseUrl the URL the description's {@code /api/...} paths are appended to (the city's
 *     X-Road security server's path to SYKE's plan service, or SYKE's test service)
 * @param clientId the client id SYKE gave the city
 * @param clientSecret its secret
 * @param municipalityCode the municipality's code (Heinola 111): the plans' administrative area
 * @param headers extra headers on every call (e.g. {@code X-Road-Client} for the security server)
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 * @param pollInterval how often each node looks for messages to send
 * @param retry back-off after a failure Ryhti may recover from (5xx, timeouts)
 * @param decisionMakers each decision-making body's code in Ryhti's PaatoksenTekija list
 */
@Validated
@ConfigurationProperties("muutos.ryhti")
public record RyhtiSettings(
    @DefaultValue("false") boolean enabled,
    URI baseUrl,
    String clientId,
    String clientSecret,
    @NotBlank @Pattern(regexp = "[0-9]{3}") String municipalityCode,
    @DefaultValue Map<String, String> headers,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("PT10S") Duration pollInterval,
    @DefaultValue Retry retry,
    @DefaultValue Map<String, String> decisionMakers) {

  public RyhtiSettings {
    if (enabled
        && (baseUrl == null
            || baseUrl.toString().isBlank()
            || clientId == null
            || clientId.isBlank()
            || clientSecret == null
            || clientSecret.isBlank())) {
      throw new IllegalStateException(
          "muutos.ryhti.enabled=true needs muutos.ryhti.base-url, muutos.ryhti.client-id and"
              + " muutos.ryhti.client-secret (MUUTOS_RYHTI_CLIENT_SECRET)");
    }
  }

  /**
   * Back-off: the first retry after {@code firstDelay}, doubling up to {@code maxDelay}; a node
   * that dies while sending leaves its message to the others after {@code claim}.
   */
  public record Retry(
      @DefaultValue("PT30S") Duration firstDelay,
      @DefaultValue("PT6H") Duration maxDelay,
      @DefaultValue("PT2M") Duration claim) {}

  /** Never the secret. */
  @Override
  public String toString() {
    return "RyhtiSettings[enabled="
        + enabled
        + ", baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null || clientSecret.isBlank() ? "(none)" : "(set)")
        + ", municipalityCode="
        + municipalityCode
        + ", headers="
        + headers.keySet()
        + "]";
  }
}
