package fi.muutos.meetings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Dynasty's public information service: the RSS feed of meeting items ({@code
 * DREQUEST.PHP?page=rss/meetingitems&show=N}) and each item's page ({@code page=meetingitem&id=…},
 * read by {@link DynastyItemPage}). Only the configured address is fetched: an item's page is
 * addressed by its id on that address, whatever host the feed's link names. Pages are read in the
 * character set they declare.
 */
final class DynastySource implements MeetingSource {

  /** The largest feed or page read (bytes): a bigger answer is garbled. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final Pattern ITEM_ID = Pattern.compile("[?&]id=([A-Za-z0-9_-]{1,64})");

  private final MeetingSettings.Dynasty settings;
  private final String base;
  private final HttpClient http;

  DynastySource(MeetingSettings.Dynasty settings) {
    this.settings = settings;
    String url = settings.baseUrl().strip();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public String system() {
    return "dynasty";
  }

  @Override
  public String eventSource() {
    return settings.source();
  }

  @Override
  public List<MeetingItem.Ref> items() throws IOException {
    String url = base + "/cgi/DREQUEST.PHP?page=rss/meetingitems&show=" + settings.show();
    Document feed = Jsoup.parse(new ByteArrayInputStream(get(url)), null, url, Parser.xmlParser());
    if (feed.selectFirst("rss, channel") == null) {
      throw new IOException("Dynastyn syöte ei ole RSS-syöte (the feed is not RSS): " + url);
    }
    List<MeetingItem.Ref> refs = new ArrayList<>();
    for (Element item : feed.select("item")) {
      String link = text(item, "link");
      Matcher id = ITEM_ID.matcher(link == null ? "" : link);
      if (!id.find()) {
        continue; // not a meeting item
      }
      String itemId = id.group(1);
      refs.add(
          new MeetingItem.Ref(
              itemId,
              base + "/cgi/DREQUEST.PHP?page=meetingitem&id=" + itemId,
              text(item, "title"),
              DynastyItemPage.version(
                  text(item, "title"), text(item, "pubDate"), text(item, "description"))));
    }
    return refs;
  }

  @Override
  public MeetingItem item(MeetingItem.Ref ref) throws IOException {
    Document page = Jsoup.parse(new ByteArrayInputStream(get(ref.url())), null, ref.url());
    return DynastyItemPage.parse(system(), ref, page, settings.recordNumber());
  }

  private byte[] get(String url) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).GET().build();
    HttpResponse<java.io.InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Keskeytyi (interrupted): " + url, e);
    }
    try (java.io.InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("Dynasty vastasi " + response.statusCode() + " (" + url + ")");
      }
      // read at most one byte more than allowed: a bigger answer is refused, never held whole
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("Dynastyn vastaus on liian suuri (too large): " + url);
      }
      return bytes;
    }
  }

  private static String text(Element item, String tag) {
    Element element = item.selectFirst(tag);
    return element == null ? null : element.text().strip();
  }
}
