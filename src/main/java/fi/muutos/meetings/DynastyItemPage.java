package fi.muutos.meetings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a Dynasty meeting item's page ("Dynasty tietopalvelu", {@code page=meetingitem}) as its
 * lines of text, the way a person reads it: the body on the line before "Pöytäkirja
 * dd.mm.yyyy/Pykälä N", the record number on a line of its own after it, the title after the line
 * "§ N", the decision in the lines after the last line "Päätös" (a page shows earlier handlings
 * first, the meeting's own last) up to the next heading, and the minutes' publication date where
 * the page says one. A page without the "Pöytäkirja .../Pykälä" line is not an item's page.
 */
final class DynastyItemPage {

  private static final Pattern MINUTES =
      Pattern.compile("^Pöytäkirja (\\d{1,2}\\.\\d{1,2}\\.\\d{4})/Pykälä (\\d+)$");
  private static final Pattern SECTION = Pattern.compile("^§ ?(\\d+)$");
  private static final Pattern PUBLISHED =
      Pattern.compile(
          "(?i)pöytäkirja (?:on )?(?:julkaistu|pidetty nähtävänä|nähtävänä|nähtävillä)\\D{0,40}"
              + "(\\d{1,2}\\.\\d{1,2}\\.\\d{4})");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  /** Headings that end the decision's text. */
  private static final Set<String> HEADINGS =
      Set.of(
          "selostus",
          "muutoksenhakuohje",
          "muutoksenhaku",
          "tiedoksi",
          "liitteet",
          "oheismateriaali",
          "täytäntöönpano",
          "lisätiedot",
          "käsittely",
          "päätösehdotus",
          "valmistelija");

  /** A later handling's heading, e.g. "Kaupunginvaltuusto 18.03.2024 § 24". */
  private static final Pattern HANDLING =
      Pattern.compile("^.+ \\d{1,2}\\.\\d{1,2}\\.\\d{4} § ?\\d+$");

  private DynastyItemPage() {}

  static MeetingItem parse(String system, MeetingItem.Ref ref, Document page, Pattern recordNumber)
      throws IOException {
    List<String> lines = lines(page);
    int minutes = -1;
    Matcher header = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MINUTES.matcher(lines.get(i));
      if (m.matches()) {
        minutes = i;
        header = m;
        break;
      }
    }
    if (header == null || minutes == 0) {
      throw new IOException(
          "Kokousasian sivulta puuttuu rivi \"Pöytäkirja pp.kk.vvvv/Pykälä N\" (not an item's page: "
              + ref.url()
              + ")");
    }
    String body = lines.get(minutes - 1);
    LocalDate date = LocalDate.parse(header.group(1), DATE);
    String section = "§ " + header.group(2);
    String record = null;
    String title = null;
    for (int i = minutes + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (record == null && recordNumber.matcher(line).matches()) {
        record = line;
      }
      Matcher s = SECTION.matcher(line);
      if (title == null && s.matches() && s.group(1).equals(header.group(2))) {
        title = i + 1 < lines.size() ? lines.get(i + 1) : null;
      }
    }
    int decision = -1;
    for (int i = minutes + 1; i < lines.size(); i++) {
      if (lines.get(i).equalsIgnoreCase("Päätös")) {
        decision = i;
      }
    }
    StringBuilder text = new StringBuilder();
    if (decision >= 0) {
      for (int i = decision + 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (HEADINGS.contains(line.toLowerCase(java.util.Locale.ROOT))
            || HANDLING.matcher(line).matches()) {
          break;
        }
        text.append(text.length() == 0 ? "" : " ").append(line);
      }
    }
    LocalDate published = null;
    Matcher p = PUBLISHED.matcher(String.join("\n", lines));
    if (p.find()) {
      published = LocalDate.parse(p.group(1), DATE);
    }
    String decisionText = text.length() == 0 ? null : text.toString();
    String itemTitle = title != null ? title : ref.title();
    return new MeetingItem(
        system,
        ref.itemId(),
        version(body, date, section, record, itemTitle, decisionText, published),
        ref.url(),
        body,
        date,
        section,
        record,
        itemTitle,
        decisionText,
        published);
  }

  /** The page's text, one line per block or line break, trimmed, without blank lines. */
  static List<String> lines(Document page) {
    StringBuilder text = new StringBuilder();
    collect(page.body() == null ? page : page.body(), text);
    List<String> lines = new ArrayList<>();
    for (String line : text.toString().split("\n")) {
      String clean = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
      if (!clean.isEmpty()) {
        lines.add(clean);
      }
    }
    return lines;
  }

  private static void collect(Node node, StringBuilder text) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        text.append(t.getWholeText().replace('\n', ' '));
      } else if (child instanceof Element e) {
        boolean block = e.isBlock() || e.normalName().equals("br");
        if (block) {
          text.append('\n');
        }
        collect(e, text);
        if (block) {
          text.append('\n');
        }
      }
    }
  }

  /** A short, stable fingerprint of the parts (a version of what they say). */
  static String version(Object... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
