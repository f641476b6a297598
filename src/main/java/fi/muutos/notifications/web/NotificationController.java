package fi.muutos.notifications.web;

import fi.muutos.identity.Groups;
import fi.muutos.identity.SignedInUser;
import fi.muutos.notifications.DeadlineCalendar;
import fi.muutos.notifications.DeadlineCalendar.Feed;
import fi.muutos.notifications.Notifications;
import fi.muutos.notifications.Notifications.Choices;
import fi.muutos.notifications.Notifications.Run;
import fi.muutos.notifications.Notifications.Sent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reminders: a person's choices and calendar feed; for admins, the mails and a run now. */
@RestController
@RequestMapping("/api")
@Tag(name = "Muistutukset", description = "Määräaikojen kooste, varoitukset ja kalenteri")
@Validated
class NotificationController {

  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  private final Notifications notifications;
  private final DeadlineCalendar calendar;

  NotificationController(Notifications notifications, DeadlineCalendar calendar) {
    this.notifications = notifications;
    this.calendar = calendar;
  }

  @GetMapping("/me/notifications")
  @Operation(summary = "My reminders: e-mail, daily digest on/off, warnings (always on for a lead)")
  Choices mine(Authentication authentication) {
    return notifications.choices(SignedInUser.of(authentication).id());
  }

  /** What a person chooses. */
  record Choice(@NotNull Boolean digest, @NotNull Boolean warnings) {}

  @PutMapping("/me/notifications")
  @Operation(
      summary = "Choose: the daily digest, the warnings (a group's lead cannot turn them off)")
  Choices choose(@Valid @RequestBody Choice choice, Authentication authentication) {
    return notifications.choose(
        SignedInUser.of(authentication).id(), choice.digest(), choice.warnings());
  }

  @GetMapping("/me/calendar-token")
  @Operation(summary = "My deadline calendar's address (404 when I have none)")
  ResponseEntity<Feed> feed(Authentication authentication) {
    return ResponseEntity.of(calendar.feedOf(SignedInUser.of(authentication).id()));
  }

  @PostMapping("/me/calendar-token")
  @Operation(summary = "A new address for my deadline calendar (an earlier one stops working)")
  Feed newFeed(Authentication authentication) {
    return calendar.newFeed(SignedInUser.of(authentication).id());
  }

  @DeleteMapping("/me/calendar-token")
  @Operation(summary = "Revoke my deadline calendar's address (204)")
  ResponseEntity<Void> revoke(Authentication authentication) {
    calendar.revoke(SignedInUser.of(authentication).id());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/notifications")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Recorded mails by state: PENDING, RETRY, SENT, FAILED (admins)")
  List<Sent> recorded(
      @RequestParam(defaultValue = "FAILED") @Pattern(regexp = "PENDING|RETRY|SENT|FAILED")
          String state) {
    return notifications.recorded(state);
  }

  @PostMapping("/notifications/digest")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Run today's digest and warnings now, and send them (admins)")
  Run runNow() {
    return notifications.runNow();
  }
}
