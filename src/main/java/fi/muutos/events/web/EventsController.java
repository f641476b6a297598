package fi.muutos.events.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.muutos.events.EventConflictView;
import fi.muutos.events.EventInbox;
import fi.muutos.events.EventInbox.InvalidEventsException;
import fi.muutos.events.InboundEventView;
import fi.muutos.events.Outbox;
import fi.muutos.events.Outbox.FeedPage;
import fi.muutos.identity.Groups;
import fi.muutos.identity.SignedInUser;
import fi.muutos.platform.Problems;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CloudEvents in (structured, batch and binary mode, parsed by the CloudEvents SDK) and our own
 * events out as a feed.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Tapahtumat", description = "CloudEvents sisään ja tapahtumasyöte ulos")
class EventsController {

  static final String BATCH = "application/cloudevents-batch+json";
  static final int MAX_BODY = 1024 * 1024;
  private static final String WRITERS = "@api.may(authentication, 'events.send')";
  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  private final EventInbox inbox;
  private final Outbox outbox;

  /** Strict: a document followed by anything but white space is not a document. */
  private final ObjectMapper cloudEvents =
      JsonMapper.builder()
          .addModule(JsonFormat.getCloudEventJacksonModule())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  EventsController(EventInbox inbox, Outbox outbox) {
    this.inbox = inbox;
    this.outbox = outbox;
  }

  @PostMapping
  @PreAuthorize(WRITERS)
  @Operation(
      summary =
          "Send CloudEvents: structured (application/cloudevents+json), batch "
              + "(application/cloudevents-batch+json) or binary (ce-* headers). 202 accepted (then "
              + "correlated or pending), 422 unknown type or refused by the process's own rule (stored as"
              + " rejected, with the reason), 400 invalid (nothing stored).")
  ResponseEntity<?> receive(
      @RequestHeader HttpHeaders headers, HttpServletRequest request, Authentication authentication)
      throws IOException {
    byte[] body = read(request);
    MediaType contentType = headers.getContentType();
    boolean batch = contentType != null && contentType.isCompatibleWith(MediaType.valueOf(BATCH));
    List<CloudEvent> events = batch ? batch(body) : List.of(single(headers, body));
    SignedInUser user = SignedInUser.of(authentication);
    List<InboundEventView> outcomes =
        inbox.receive(
            new EventInbox.Account(user.id(), user.groups().contains(Groups.ADMIN)), events);
    if (batch) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcomes);
    }
    InboundEventView outcome = outcomes.get(0);
    HttpStatus status =
        "REJECTED".equals(outcome.status()) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status)
        .location(URI.create("/api/events/" + outcome.id()))
        .body(outcome);
  }

  @GetMapping("/{id}")
  @PreAuthorize(WRITERS)
  @Operation(summary = "One inbound event's status (an account reads the events it may send)")
  InboundEventView event(@PathVariable String id, Authentication authentication) {
    SignedInUser user = SignedInUser.of(authentication);
    return inbox.find(id, new EventInbox.Account(user.id(), user.groups().contains(Groups.ADMIN)));
  }

  @GetMapping
  @PreAuthorize(ADMINS)
  @Operation(summary = "Inbound events for operators (admins), newest first")
  List<InboundEventView> events(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "100") int limit) {
    return inbox.list(status, type, limit);
  }

  @GetMapping("/conflicts")
  @PreAuthorize(ADMINS)
  @Operation(
      summary =
          "Events refused because an event with the same source and id but other "
              + "content came first (admins), newest first")
  List<EventConflictView> conflicts(@RequestParam(defaultValue = "100") int limit) {
    return inbox.conflicts(limit);
  }

  @GetMapping("/feed")
  @PreAuthorize(WRITERS)
  @Operation(
      summary =
          "Our own events in order, after a cursor (0 = from the beginning); "
              + "continue from 'next'")
  FeedPage feed(
      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
    return outbox.feed(after, limit);
  }

  @ExceptionHandler(InvalidEventsException.class)
  ProblemDetail invalid(InvalidEventsException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, e.slug(), "Invalid event", e.getMessage());
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(NotACloudEvent.class)
  ProblemDetail notACloudEvent(NotACloudEvent e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "not-a-cloudevent", "Not a CloudEvent", e.getMessage());
  }

  @ExceptionHandler(TooLarge.class)
  ProblemDetail tooLarge(TooLarge e) {
    return Problems.of(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "too-large",
        "Too large",
        "A request may carry at most " + MAX_BODY + " bytes.");
  }

  private CloudEvent single(HttpHeaders headers, byte[] body) {
    MediaType type = headers.getContentType();
    if (type != null && type.isCompatibleWith(MediaType.valueOf(JsonFormat.CONTENT_TYPE))) {
      try { // the SDK reads the first JSON value and ignores what follows it
        cloudEvents.readTree(body);
      } catch (IOException e) {
        throw new NotACloudEvent("Not a JSON document: " + e.getMessage());
      }
    }
    try {
      return CloudEventHttpUtils.toReader(headers, () -> body).toEvent();
    } catch (RuntimeException e) {
      throw new NotACloudEvent(
          "Not a CloudEvent 1.0 in structured (application/cloudevents+json) "
              + "or binary mode (ce-specversion, ce-id, ce-source, ce-type headers): "
              + e.getMessage());
    }
  }

  private List<CloudEvent> batch(byte[] body) {
    try {
      List<CloudEvent> events =
          cloudEvents.readValue(
              body,
              cloudEvents.getTypeFactory().constructCollectionType(List.class, CloudEvent.class));
      if (events == null || events.isEmpty() || events.contains(null)) {
        throw new NotACloudEvent("A batch is a non-empty JSON array of CloudEvents");
      }
      return events;
    } catch (IOException | RuntimeException e) {
      if (e instanceof NotACloudEvent notACloudEvent) {
        throw notACloudEvent;
      }
      throw new NotACloudEvent("Not a batch of CloudEvents 1.0: " + e.getMessage());
    }
  }

  private static byte[] read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw new TooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new TooLarge();
      }
      return body;
    }
  }

  static class NotACloudEvent extends RuntimeException {
    NotACloudEvent(String message) {
      super(message);
    }
  }

  static class TooLarge extends RuntimeException {}
}
