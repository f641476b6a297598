package fi.muutos.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stand-in for a city's Dynasty information service, at a boundary we do not own: the RSS feed of
 * meeting items and an HTML page per item, written from the fixtures in {@code
 * src/test/resources/dynasty} (Dynasty's structure, our own texts). Tests publish items, take the
 * service down or make it answer garbage. The application is pointed at it with the adapter on and
 * its scheduler off (tests poll themselves).
 */
public class FakeDynasty implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** How the service answers. */
  public enum Mode {
    UP,
    DOWN,
    GARBLED,
    /** Item pages of 6 MB: more than the adapter reads. */
    HUGE
  }

  /** One published meeting item. */
  public record Item(
      String id,
      String body,
      String date,
      int section,
      String record,
      String title,
      String decision,
      String published) {}

  private static FakeDynasty server;

  private final HttpServer http;
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final AtomicInteger pageRequests = new AtomicInteger();
  private final AtomicInteger feedRequests = new AtomicInteger();
  private volatile Mode mode = Mode.UP;

  private FakeDynasty() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/dynasty10/cgi/DREQUEST.PHP", this::answer);
    http.start();
  }

  public static synchronized FakeDynasty server() {
    if (server == null) {
      try {
        server = new FakeDynasty();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "muutos.meetings.dynasty.enabled=true",
            "muutos.meetings.dynasty.base-url=" + server().baseUrl(),
            "muutos.meetings.dynasty.source=/dynasty/test",
            "muutos.meetings.scheduler=false")
        .applyTo(context.getEnvironment());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/dynasty10";
  }

  /** Publishes an item (newest first in the feed), or a new version of one with the same id. */
  public synchronized void publish(Item item) {
    items.remove(item.id());
    Map<String, Item> newest = new LinkedHashMap<>();
    newest.put(item.id(), item);
    newest.putAll(items);
    items.clear();
    items.putAll(newest);
  }

  public synchronized void clear() {
    items.clear();
    mode = Mode.UP;
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public int pageRequests() {
    return pageRequests.get();
  }

  public int feedRequests() {
    return feedRequests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (mode == Mode.DOWN) {
      send(exchange, 503, "text/plain", "Palvelu ei ole käytettävissä");
      return;
    }
    if (query != null && query.startsWith("page=rss/meetingitems")) {
      feedRequests.incrementAndGet();
      send(
          exchange,
          200,
          "application/rss+xml; charset=utf-8",
          mode == Mode.GARBLED ? "<html>virhe" : feed());
      return;
    }
    if (query != null && query.startsWith("page=meetingitem&id=")) {
      pageRequests.incrementAndGet();
      Item item = item(query.substring("page=meetingitem&id=".length()));
      if (item == null) {
        send(exchange, 404, "text/plain", "Ei löydy");
      } else {
        send(
            exchange,
            200,
            "text/html; charset=utf-8",
            mode == Mode.GARBLED
                ? "<p>???</p>"
                : mode == Mode.HUGE ? "x".repeat(6 * 1024 * 1024) : page(item));
      }
      return;
    }
    send(exchange, 404, "text/plain", "Ei löydy");
  }

  private synchronized Item item(String id) {
    return items.get(id);
  }

  private synchronized String feed() throws IOException {
    List<String> entries = new ArrayList<>();
    for (Item item : items.values()) {
      entries.add(
          fill(
              fixture("feed-item.xml"),
              item,
              Map.of("pubDate", item.date() + " " + item.decision().hashCode())));
    }
    return fixture("feed.xml")
        .replace("{{base}}", baseUrl())
        .replace("{{items}}", String.join("\n", entries));
  }

  private String page(Item item) throws IOException {
    return fill(fixture("item.html"), item, Map.of()).replace("{{base}}", baseUrl());
  }

  private static String fill(String template, Item item, Map<String, String> more) {
    String text =
        template
            .replace("{{id}}", item.id())
            .replace("{{body}}", item.body())
            .replace("{{date}}", item.date())
            .replace("{{section}}", String.valueOf(item.section()))
            .replace("{{record}}", item.record() == null ? "" : item.record())
            .replace("{{title}}", item.title())
            .replace("{{decision}}", item.decision())
            .replace("{{published}}", item.published());
    for (Map.Entry<String, String> e : more.entrySet()) {
      text = text.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return text;
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/dynasty", name));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
