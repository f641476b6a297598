package fi.muutos.accessibility.web;

import fi.muutos.accessibility.AccessibilityFeedbacks;
import fi.muutos.accessibility.AccessibilityFeedbacks.Received;
import fi.muutos.identity.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accessibility statement's feedback channel: any signed-in user sends feedback from the
 * statement's page; the administrators read it.
 */
@RestController
@Validated
@Tag(name = "Saavutettavuus", description = "Saavutettavuuspalaute")
class AccessibilityFeedbackController {

  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  /** What a user writes: the page it concerns (optional), the message, how to answer them. */
  record Feedback(
      @Size(max = 500) String page,
      @NotBlank @Size(max = 4000) String message,
      @Size(max = 200) String contact) {}

  private final AccessibilityFeedbacks feedbacks;

  AccessibilityFeedbackController(AccessibilityFeedbacks feedbacks) {
    this.feedbacks = feedbacks;
  }

  @PostMapping("/api/feedback/accessibility")
  @PreAuthorize("isAuthenticated()")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Saavutettavuuspalaute ylläpidolle (accessibility feedback to the admins)")
  void send(@Valid @RequestBody Feedback feedback, Principal sender) {
    feedbacks.received(sender.getName(), feedback.page(), feedback.message(), feedback.contact());
  }

  @GetMapping("/api/admin/accessibility-feedback")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Saapunut saavutettavuuspalaute, uusin ensin (received feedback)")
  List<Received> received() {
    return feedbacks.newestFirst();
  }
}
