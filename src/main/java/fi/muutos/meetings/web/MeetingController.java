package fi.muutos.meetings.web;

import fi.muutos.identity.Groups;
import fi.muutos.meetings.MeetingDecisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see and run the meeting systems' adapters. */
@RestController
@RequestMapping("/api/admin/meetings")
@Tag(name = "Kokousjärjestelmät", description = "Päätökset kokousjärjestelmästä")
@Validated
class MeetingController {

  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  private final MeetingDecisions decisions;

  MeetingController(MeetingDecisions decisions) {
    this.decisions = decisions;
  }

  @GetMapping
  @PreAuthorize(ADMINS)
  @Operation(
      summary =
          "Each meeting system's adapter: on or off, its last poll, failures and last error, and"
              + " its latest items with what became of them (SENT, REGISTRY, UNRELATED, IGNORED)")
  List<MeetingDecisions.State> state(
      @RequestParam(required = false) @Pattern(regexp = "NEW|SENT|REGISTRY|UNRELATED|IGNORED")
          String status,
      @RequestParam(defaultValue = "50") int limit) {
    return decisions.state(status, limit);
  }

  @PostMapping("/poll")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Polls every enabled meeting system now (one node at a time)")
  List<MeetingDecisions.PollResult> poll() {
    return decisions.pollNow();
  }
}
