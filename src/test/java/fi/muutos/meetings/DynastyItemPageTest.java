package fi.muutos.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A Dynasty item's page read as a person reads it (fixtures in Dynasty's structure). */
class DynastyItemPageTest {

  static final Pattern RECORD = Pattern.compile("\\d+/\\d{2}\\.\\d{2}\\.\\d{2}/\\d{4}");
  static final MeetingItem.Ref REF =
      new MeetingItem.Ref("202611-3", "http://dynasty/x", "Syötteen otsikko", "f1");

  static String page(String record, String decision) throws IOException {
    return Files.readString(Path.of("src/test/resources/dynasty/item.html"))
        .replace("{{base}}", "http://dynasty")
        .replace("{{body}}", "Kaupunginvaltuusto")
        .replace("{{date}}", "18.03.2026")
        .replace("{{section}}", "24")
        .replace("{{record}}", record)
        .replace("{{title}}", "Keskustan osayleiskaava, hyväksyminen")
        .replace("{{decision}}", decision)
        .replace("{{published}}", "25.03.2026");
  }

  @Test
  void readsTheBodyTheSectionTheRecordNumberAndTheMeetingsOwnDecision() throws IOException {
    MeetingItem item =
        DynastyItemPage.parse(
            "dynasty",
            REF,
            Jsoup.parse(page("412/10.02.03/2025", "Valtuusto hyväksyi osayleiskaavan.")),
            RECORD);
    assertThat(item.body()).isEqualTo("Kaupunginvaltuusto");
    assertThat(item.meetingDate()).hasToString("2026-03-18");
    assertThat(item.section()).isEqualTo("§ 24");
    assertThat(item.recordNumber()).isEqualTo("412/10.02.03/2025");
    assertThat(item.title()).isEqualTo("Keskustan osayleiskaava, hyväksyminen");
    assertThat(item.decisionText())
        .as("the last Päätös: the board's earlier handling comes first")
        .isEqualTo("Valtuusto hyväksyi osayleiskaavan.");
    assertThat(item.minutesPublishedOn()).hasToString("2026-03-25");
  }

  @Test
  void aChangedDecisionIsANewVersionAndAMissingRecordNumberIsNone() throws IOException {
    MeetingItem first =
        DynastyItemPage.parse("dynasty", REF, Jsoup.parse(page("", "Hyväksyttiin.")), RECORD);
    MeetingItem corrected =
        DynastyItemPage.parse(
            "dynasty", REF, Jsoup.parse(page("", "Hyväksyttiin muutettuna.")), RECORD);
    assertThat(first.recordNumber()).isNull();
    assertThat(first.version()).isNotEqualTo(corrected.version());
    assertThat(first.version())
        .isEqualTo(
            DynastyItemPage.parse("dynasty", REF, Jsoup.parse(page("", "Hyväksyttiin.")), RECORD)
                .version());
  }

  @Test
  void aPageInTheCharacterSetItDeclaresIsReadAsSuch() throws IOException {
    String html =
        page("412/10.02.03/2025", "Päätösehdotus hyväksyttiin.")
            .replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"")
            .replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">");
    byte[] latin1 = html.getBytes(Charset.forName("ISO-8859-1"));
    MeetingItem item =
        DynastyItemPage.parse(
            "dynasty",
            REF,
            Jsoup.parse(new ByteArrayInputStream(latin1), null, "http://dynasty/x"),
            RECORD);
    assertThat(item.decisionText()).isEqualTo("Päätösehdotus hyväksyttiin.");
  }

  @Test
  void aPageWithoutTheMinutesLineIsNoItem() {
    assertThatThrownBy(
            () ->
                DynastyItemPage.parse(
                    "dynasty", REF, Jsoup.parse("<p>Palvelussa on häiriö</p>"), RECORD))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Pöytäkirja pp.kk.vvvv/Pykälä N");
  }
}
