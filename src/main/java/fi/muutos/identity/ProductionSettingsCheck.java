package fi.muutos.identity;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile with the demo set-up's weaknesses: no admin password
 * (or the demo one, or a short one) and demo users switched on. Runs before anything is created, so
 * a misconfigured production start changes nothing in the database.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

  static final String PROD_PROFILE = "prod";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROD_PROFILE)) {
      return;
    }
    String password = environment.getProperty(ADMIN_PASSWORD, "");
    if (password.isBlank()) {
      throw new IllegalStateException(
          "The prod profile needs an admin password: set the "
              + "environment variable MUUTOS_ADMIN_PASSWORD (at least "
              + MIN_PASSWORD_LENGTH
              + " characters). Muutos did not start.");
    }
    if (password.length() < MIN_PASSWORD_LENGTH || password.equals("demo")) {
      throw new IllegalStateException(
          "The prod profile's admin password (MUUTOS_ADMIN_PASSWORD) "
              + "is too weak: use at least "
              + MIN_PASSWORD_LENGTH
              + " characters. Muutos did not start.");
    }
    String clientSecret =
        environment.getProperty(
            "spring.security.oauth2.client.registration."
                + SignInMethods.REGISTRATION
                + ".client-secret",
            "");
    if (!environment.getProperty(SignInMethods.CLIENT_ID, "").isBlank()
        && (clientSecret.isBlank() || clientSecret.startsWith("demo"))) {
      throw new IllegalStateException(
          "The prod profile signs in through the identity provider with the demo's client secret"
              + " or none: set MUUTOS_OIDC_CLIENT_SECRET to the secret of your client"
              + " registration. Muutos did not start.");
    }
    if (environment.getProperty("muutos.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException(
          "The prod profile must not create demo users: "
              + "remove muutos.demo.enabled=true. Muutos did not start.");
    }
  }
}
