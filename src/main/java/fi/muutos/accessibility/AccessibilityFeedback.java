package fi.muutos.accessibility;

import fi.muutos.identity.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback on accessibility (306/2019 16 §): any signed-in user sends it from the accessibility
 * statement's page; the administrators read it, newest first, and answer within 14 days.
 */
@RestController
@Validated
@Tag(name = "Saavutettavuus", description = "Saavutettavuuspalaute")
class AccessibilityFeedback {

  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  /** What a user writes: the page it concerns (optional), the message, how to answer them. */
  record Feedback(
      @Size(max = 500) String page,
      @NotBlank @Size(max = 4000) String message,
      @Size(max = 200) String contact) {}

  /** Feedback as the administrators read it. */
  record Received(
      long id,
      OffsetDateTime receivedAt,
      String sender,
      String page,
      String message,
      String contact) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AccessibilityFeedback(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping("/api/feedback/accessibility")
  @PreAuthorize("isAuthenticated()")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Saavutettavuuspalaute ylläpidolle (accessibility feedback to the admins)")
  void send(@Valid @RequestBody Feedback feedback, Principal sender) {
    jdbc.sql(
            "insert into mu_accessibility_feedback (received_at, sender, page, message, contact)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
            sender.getName(),
            blankToNull(feedback.page()),
            feedback.message().strip(),
            blankToNull(feedback.contact()))
        .update();
  }

  @GetMapping("/api/admin/accessibility-feedback")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Saapunut saavutettavuuspalaute, uusin ensin (received feedback)")
  List<Received> received() {
    return jdbc.sql(
            "select id, received_at, sender, page, message, contact from mu_accessibility_feedback"
                + " order by received_at desc, id desc limit 500")
        .query(Received.class)
        .list();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
