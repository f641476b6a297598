package fi.muutos.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The demo set-up ({@code muutos.demo.*}): fictional users, one shared password. Off in prod. */
@Validated
@ConfigurationProperties("muutos.demo")
record DemoSettings(boolean enabled, String password, @Valid List<DemoUser> users) {

  DemoSettings {
    users = users == null ? List.of() : List.copyOf(users);
  }

  record DemoUser(
      @NotBlank String id, String firstName, String lastName, List<@NotBlank String> groups) {

    DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    String email() {
      return id + "@muutos.example";
    }
  }
}
