package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SignInMethodsTest {

  private static final String ISSUER = "https://tunnistus.heinola.example/realms/muutos";

  @Test
  void withoutAProviderOnlyBasicAndTheWebappsOwnLogin() {
    var methods = SignInMethods.of(new MockEnvironment());
    assertThat(methods.basic()).isTrue();
    assertThat(methods.bearer()).isFalse();
    assertThat(methods.webapps()).isFalse();
  }

  @Test
  void basicStaysBesideTokensOutsideProdAndIsOffInProdUnlessSwitchedOn() {
    MockEnvironment demo = withIssuer(new MockEnvironment());
    assertThat(SignInMethods.of(demo).basic()).isTrue();
    assertThat(SignInMethods.of(demo).bearer()).isTrue();

    MockEnvironment prod = withIssuer(new MockEnvironment());
    prod.setActiveProfiles("postgres", "prod");
    assertThat(SignInMethods.of(prod).basic()).isFalse();
    prod.setProperty("muutos.identity.basic.enabled", "true");
    assertThat(SignInMethods.of(prod).basic()).isTrue();

    MockEnvironment off = new MockEnvironment();
    off.setProperty("muutos.identity.basic.enabled", "false");
    assertThat(SignInMethods.of(off).basic()).isFalse();
  }

  @Test
  void theWebappsSignInThroughTheProviderWhenTheClientIsRegistered() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty(
        "spring.security.oauth2.client.registration.muutos.client-id", "muutos");
    assertThat(SignInMethods.of(environment).webapps()).isTrue();
  }

  @Test
  void anIssuerWithoutTheAudienceDoesNotStart() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty(SignInMethods.ISSUER, ISSUER);
    assertThatThrownBy(() -> SignInMethods.of(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("muutos.identity.oidc.audience");
  }

  private static MockEnvironment withIssuer(MockEnvironment environment) {
    environment.setProperty(SignInMethods.ISSUER, ISSUER);
    environment.setProperty(SignInMethods.AUDIENCE, "muutos");
    return environment;
  }
}
