package fi.muutos.meetings;

import java.io.IOException;
import java.util.List;

/**
 * A meeting system Muutos pulls decisions from: the place of the next adapters. Dynasty's public
 * information service ({@link DynastySource}: an RSS feed of meeting items, an HTML page per item)
 * is the first; a CaseM adapter would read its OData API ({@code /api/opennc/v1/Contents} and their
 * {@code ExtendedProperties}: {@code Article}, {@code CaseNativeId}), an Ahjo adapter would take
 * Ahjo's callbacks and fetch the decision. Each turns the system's items into {@link MeetingItem}s;
 * matching, the inbox, the registry and the polling's state are shared ({@link MeetingDecisions}).
 */
public interface MeetingSource {

  /**
   * The system's name in Muutos (the state's key, and part of each event's source), e.g. dynasty.
   */
  String system();

  /** The CloudEvent source of this system's decisions, e.g. /dynasty/heinola. */
  String eventSource();

  /** The items the system lists now (newest first); a failure is an {@link IOException}. */
  List<MeetingItem.Ref> items() throws IOException;

  /** One item's content; a page that cannot be read is an {@link IOException}. */
  MeetingItem item(MeetingItem.Ref ref) throws IOException;
}
