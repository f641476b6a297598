package fi.muutos.meetings;

import java.time.LocalDate;

/**
 * One item of a meeting's minutes as a meeting system publishes it: who decided (the system's name
 * for the body), when, in which section, on which matter (the record number and title), what (the
 * decision's text) and when the minutes were published, if the page says. {@code version} changes
 * when the item's content changes (a corrected item is a new version).
 */
public record MeetingItem(
    String system,
    String itemId,
    String version,
    String url,
    String body,
    LocalDate meetingDate,
    String section,
    String recordNumber,
    String title,
    String decisionText,
    LocalDate minutesPublishedOn) {

  /** An item in a system's feed: its id, where its page is, and what the feed says of it. */
  public record Ref(String itemId, String url, String title, String feedVersion) {}
}
