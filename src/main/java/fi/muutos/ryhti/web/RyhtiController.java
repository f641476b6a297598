package fi.muutos.ryhti.web;

import fi.muutos.ryhti.RyhtiDeliveries;
import fi.muutos.ryhti.RyhtiDeliveries.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Ryhti queue: what is sent, what waits, what Ryhti refused; an administrator's retry. */
@RestController
@RequestMapping("/api/ryhti")
@Tag(name = "Ryhti", description = "Kaavojen toimitus Ryhtiin")
class RyhtiController {

  private final RyhtiDeliveries deliveries;

  RyhtiController(RyhtiDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @GetMapping("/deliveries")
  @PreAuthorize("@api.may(authentication, 'ryhti.read')")
  @Operation(
      summary =
          "The queue, newest first: state PENDING, DELIVERED, REJECTED or SUPERSEDED, one plan's"
              + " (plan = its business key), with each message's body, tries and Ryhti's answer")
  List<Delivery> list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String plan,
      @RequestParam(defaultValue = "100") int limit) {
    return deliveries.list(state, plan, limit);
  }

  @PostMapping("/deliveries/{id}/retry")
  @PreAuthorize("@api.may(authentication, 'ryhti.retry')")
  @Operation(
      summary =
          "Send a message again now (administrators): a refused one is built anew from the plan's"
              + " record; 409 when it was delivered already")
  Delivery retry(@PathVariable long id) {
    return deliveries.retry(id);
  }
}
