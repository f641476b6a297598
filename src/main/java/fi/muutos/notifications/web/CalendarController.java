package fi.muutos.notifications.web;

import fi.muutos.notifications.DeadlineCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's deadline calendar feed: no sign-in (calendar clients cannot send one), the personal
 * token in the address is the key; an unknown or revoked token is a 404.
 */
@RestController
@Tag(name = "Muistutukset")
class CalendarController {

  private final DeadlineCalendar calendar;

  CalendarController(DeadlineCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/calendar/{token:[A-Za-z0-9_-]{20,100}}.ics")
  @Operation(summary = "The iCalendar feed of a person's legal deadlines (RFC 5545)")
  ResponseEntity<String> feed(@PathVariable String token) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
        .body(calendar.calendar(token));
  }
}
