package fi.muutos.zoning.review;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fi.muutos.zoning.ZoningPlanView;
import fi.muutos.zoning.ZoningStage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The planning review as a Finnish document: XHTML (what the API serves and the PDF is rendered
 * from), every value escaped.
 */
final class PlanningReviewDocument {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  /** Stages of a plan that is no longer under way. */
  static final Set<ZoningStage> ENDED =
      EnumSet.of(
          ZoningStage.IN_FORCE, ZoningStage.ANNULLED, ZoningStage.LAPSED, ZoningStage.REJECTED);

  private PlanningReviewDocument() {}

  /** The plans under way (and coming) and those that came into force the year before. */
  static String html(String municipality, int year, List<ZoningPlanView> plans) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"fi\" xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
        .append("<meta charset=\"UTF-8\" /><title>Kaavoituskatsaus ")
        .append(year)
        .append("</title><style>")
        .append("body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;")
        .append("width:100%}th,td{border:1px solid #999;padding:3px;text-align:left;")
        .append("vertical-align:top}h1{font-size:16pt}h2{font-size:12pt}")
        .append("</style></head><body>");
    html.append("<h1>")
        .append(escape(municipality))
        .append(": kaavoituskatsaus ")
        .append(year)
        .append("</h1>");
    html.append(
        "<p>Maankäyttö- ja rakennuslain (nyk. alueidenkäyttölaki) 7 §:n mukainen katsaus kunnassa"
            + " vireillä oleviin ja lähiaikoina vireille tuleviin kaavoihin. Katsaus on koottu kaavojen"
            + " kirjauksista; vaihe on kaavan elinkaaren tila valtakunnallisessa Ryhti-koodistossa.</p>");
    List<ZoningPlanView> current =
        plans.stream()
            .filter(p -> !ENDED.contains(p.stage()) && p.stage() != ZoningStage.INITIATED)
            .toList();
    List<ZoningPlanView> coming =
        plans.stream().filter(p -> p.stage() == ZoningStage.INITIATED).toList();
    List<ZoningPlanView> inForce =
        plans.stream()
            .filter(p -> p.stage() == ZoningStage.IN_FORCE)
            .filter(p -> inForceDuring(p, year - 1))
            .toList();
    section(html, "Vireillä olevat kaavat", current, true);
    section(html, "Tulevat kaavat", coming, true);
    section(html, "Vuonna " + (year - 1) + " voimaan tulleet kaavat", inForce, false);
    html.append("</body></html>");
    return html.toString();
  }

  /** How many plans the review lists. */
  static int count(int year, List<ZoningPlanView> plans) {
    return (int)
        plans.stream()
            .filter(
                p ->
                    !ENDED.contains(p.stage())
                        || (p.stage() == ZoningStage.IN_FORCE && inForceDuring(p, year - 1)))
            .count();
  }

  /** The XHTML rendered as PDF. */
  static byte[] pdf(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void section(
      StringBuilder html, String title, List<ZoningPlanView> plans, boolean nextStep) {
    html.append("<h2>").append(escape(title)).append("</h2>");
    if (plans.isEmpty()) {
      html.append("<p>Ei kaavoja.</p>");
      return;
    }
    html.append("<table><thead><tr><th>Kaava</th><th>Laji</th><th>Diaarinumero</th>")
        .append("<th>Vaihe (Ryhti)</th>")
        .append(nextStep ? "<th>Seuraava vaihe</th><th>Seuraava määräaika</th>" : "")
        .append("</tr></thead><tbody>");
    for (ZoningPlanView plan : plans) {
      html.append("<tr><td>")
          .append(escape(plan.name()))
          .append(" (")
          .append(escape(plan.businessKey()))
          .append(")")
          .append(plan.initiatedInReview() ? "<br />vireilletulosta ilmoitettu katsauksessa" : "")
          .append("</td><td>")
          .append(escape(plan.typeLabel()))
          .append("</td><td>")
          .append(escape(plan.recordNumber() == null ? "–" : plan.recordNumber()))
          .append("</td><td>")
          .append(plan.ryhtiCode())
          .append(" ")
          .append(escape(plan.stageLabel()))
          .append("</td>");
      if (nextStep) {
        html.append("<td>")
            .append(escape(nextStep(plan.stage())))
            .append("</td><td>")
            .append(plan.nextDeadline() == null ? "–" : DATE.format(plan.nextDeadline()))
            .append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }

  static String nextStep(ZoningStage stage) {
    return switch (stage) {
      case INITIATED -> "Vireilletulon ja OAS:n kuulutus";
      case ANNOUNCED -> "Luonnos tai ehdotus nähtäville";
      case DRAFT -> "Ehdotus nähtäville";
      case PROPOSAL, REVISED_PROPOSAL -> "Vastineet ja hyväksyminen";
      case APPROVED -> "Valitusaika ja lainvoima";
      case RECTIFICATION_REQUESTED, RECTIFICATION_AND_APPEAL ->
          "Valtuuston vastaus oikaisukehotukseen";
      case APPEALED, PARTLY_IN_FORCE, IN_FORCE_BEFORE_LEGAL_FORCE -> "Tuomioistuimen ratkaisu";
      case LEGALLY_BINDING -> "Voimaantulon kuulutus";
      case SUSPENDED -> "Keskeytetty";
      case IN_FORCE, ANNULLED, LAPSED, REJECTED -> "–";
    };
  }

  private static boolean inForceDuring(ZoningPlanView plan, int year) {
    return plan.stages().stream()
        .filter(s -> s.stage() == ZoningStage.IN_FORCE)
        .map(ZoningPlanView.StageEntry::legalDate)
        .filter(java.util.Objects::nonNull)
        .map(LocalDate::getYear)
        .anyMatch(y -> y == year);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
