package fi.muutos.ryhti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivery needs its address and credentials; the secret never shows. */
class RyhtiSettingsTest {

  private static RyhtiSettings settings(boolean enabled, URI baseUrl, String secret) {
    return new RyhtiSettings(
        enabled,
        baseUrl,
        "heinola",
        secret,
        "111",
        Map.of("X-Road-Client", "FI/MUN/0123456-7/muutos"),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        new RyhtiSettings.Retry(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofMinutes(2)),
        Map.of());
  }

  @Test
  void deliveryOnNeedsTheAddressAndTheSecret() {
    assertThatThrownBy(() -> settings(true, null, "s"))
        .hasMessageContaining("muutos.ryhti.base-url");
    assertThatThrownBy(() -> settings(true, URI.create(""), "s"))
        .hasMessageContaining("muutos.ryhti.base-url");
    assertThatThrownBy(() -> settings(true, URI.create("http://ryhti"), " "))
        .hasMessageContaining("MUUTOS_RYHTI_CLIENT_SECRET");
    assertThat(settings(false, null, null).enabled()).isFalse();
  }

  @Test
  void theSecretIsNeverInTheSettingsText() {
    String text = settings(true, URI.create("http://ryhti"), "hyvin-salainen").toString();
    assertThat(text).doesNotContain("hyvin-salainen").contains("clientSecret=(set)");
  }

  @Test
  void offSendsNothing() {
    RyhtiDelivery delivery =
        new RyhtiDelivery(
            null,
            null,
            null,
            settings(false, null, null),
            null,
            null,
            java.time.Clock.systemUTC(),
            null);
    assertThat(delivery.deliverDue()).isEqualTo(new RyhtiDelivery.Run(0, 0, 0));
  }
}
