package fi.muutos.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reminders with a real SMTP server (GreenMail): the digest, the Midsummer Eve rule, exactly once,
 * the warnings and the calendar feed. Each test uses its own days and tasks; other tests' open
 * tasks share the database, so a test looks for its own tasks in the mails, not for a count of all.
 */
@IntegrationTest
class NotificationsTest {

  static final GreenMail SMTP = fi.muutos.testing.TestMail.server();

  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  @LocalServerPort int port;
  @Autowired Notifications notifications;
  @Autowired NotificationSender sender;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void aPlannersDigestListsWhatIsOverdueDueTodayAndComingWithItsLinks() throws Exception {
    LocalDate day = LocalDate.parse("2027-03-08"); // a Monday
    String overdue = task("Vastaa muistutuksiin", day.minusDays(3), "AKL 65 §: vastineet");
    String today = task("Tarkista lainvoimaisuus", day, null);
    String coming = task("Kuuluta hyväksyminen", day.plusDays(5), null);
    String later = task("Kaavoituskatsaus", day.plusDays(30), null);

    Notifications.Run run = notifications.run(day);
    sender.sendDue();

    assertThat(run.workingDay()).isTrue();
    MimeMessage digest = only("kaavoittaja@muutos.example", "Määräajat 8.3.2027");
    String text = part(digest, "text/plain");
    assertThat(text)
        .contains("Heinolan kaupunki")
        .contains("Myöhässä")
        .contains("Määräpäivä tänään")
        .contains("Seuraavien 7 päivän aikana")
        .contains(name(overdue), name(today), name(coming))
        .doesNotContain(name(later))
        .contains("Peruste: AKL 65 §: vastineet")
        .contains("/camunda/app/tasklist/default/#/?task=" + overdue);
    assertThat(text.indexOf(name(overdue))).isLessThan(text.indexOf(name(today)));
    assertThat(text.indexOf(name(today))).isLessThan(text.indexOf(name(coming)));
    String html = part(digest, "text/html");
    assertThat(html).contains("<a href=").contains(name(coming));
  }

  @Test
  void someoneWithNoTasksGetsNoMail() throws Exception {
    String userId = "muistutus" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(userId);
    user.setEmail(userId + "@muutos.example");
    user.setFirstName("Testi");
    identityService.saveUser(user);
    notifications.run(LocalDate.parse("2027-03-09"));
    sender.sendDue();
    assertThat(to(userId + "@muutos.example")).isEmpty();
  }

  @Test
  void noMailOnMidsummerEve() throws Exception {
    LocalDate midsummerEve = LocalDate.parse("2027-06-25"); // a Friday, not a working day
    task("Juhannustehtävä", midsummerEve, null);
    Notifications.Run run = notifications.run(midsummerEve);
    sender.sendDue();
    assertThat(run.workingDay()).isFalse();
    assertThat(run.digests()).isZero();
    assertThat(to("kaavoittaja@muutos.example")).noneMatch(m -> subject(m).contains("25.6.2027"));
  }

  @Test
  void aRepeatedRunSendsEachMailOnce() throws Exception {
    LocalDate day = LocalDate.parse("2027-03-10");
    task("Kerran lähtevä", day, null);
    notifications.run(day);
    notifications.run(day);
    sender.sendDue();
    sender.sendDue();
    notifications.run(day);
    sender.sendDue();
    assertThat(to("kaavoittaja@muutos.example"))
        .filteredOn(m -> subject(m).startsWith("Määräajat 10.3.2027"))
        .hasSize(1);
  }

  @Test
  void aLegalDeadlineTwoWorkingDaysAwayWarnsTheGroupAndItsLeadAndAnOverdueOneRepeatsToTheLead()
      throws Exception {
    LocalDate friday = LocalDate.parse("2027-03-12");
    // Friday → Monday 15.3. (1), Tuesday 16.3. (2): the display period ends in 2 working days
    String display =
        task(
            "Ehdotus nähtävillä: nähtävilläolo päättyy", LocalDate.parse("2027-03-16"), "AKL 65 §");
    String late = task("Myöhässä oleva lausuntopyyntö", LocalDate.parse("2027-03-10"), null);

    notifications.run(friday);
    sender.sendDue();

    List<MimeMessage> mails = to("kaavoittaja@muutos.example");
    assertThat(mails)
        .filteredOn(m -> subject(m).startsWith("Määräaika lähestyy: " + name(display)))
        .hasSize(1);
    assertThat(mails)
        .filteredOn(m -> subject(m).startsWith("Määräaika ylittynyt: " + name(late)))
        .hasSize(1);
    // the next working day the overdue one is repeated to the lead, the other does not warn again
    notifications.run(LocalDate.parse("2027-03-15"));
    sender.sendDue();
    mails = to("kaavoittaja@muutos.example");
    assertThat(mails)
        .filteredOn(m -> subject(m).startsWith("Määräaika ylittynyt: " + name(late)))
        .hasSize(2);
    assertThat(mails)
        .filteredOn(m -> subject(m).startsWith("Määräaika lähestyy: " + name(display)))
        .hasSize(1);
  }

  @Test
  void theCalendarFeedHoldsTheSameDeadlinesAndARevokedTokenIs404() throws Exception {
    String due = task("Kalenterissa näkyvä", LocalDate.parse("2027-04-01"), "AKL 67 §");
    HttpTestClient http = new HttpTestClient(port);
    HttpResponse<String> created =
        http.post("/api/me/calendar-token", "kaavoittaja", "demo", "application/json", "");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String url = created.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
    String path = url.substring(url.indexOf("/calendar/"));

    HttpResponse<String> feed = http.get(path);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
    calendar.validate();
    VEvent event =
        calendar.<VEvent>getComponents("VEVENT").stream()
            .filter(e -> e.getUid().map(u -> u.getValue().equals(due + "@muutos")).orElse(false))
            .findFirst()
            .orElseThrow();
    assertThat(event.getDateTimeStart().getValue()).isEqualTo("20270401");
    assertThat(event.getSummary().getValue()).contains(name(due));
    assertThat(event.getDescription().getValue()).contains("AKL 67 §");
    // the digest and the feed list the same deadlines of the person
    assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSameSizeAs(notificationsDeadlines());

    assertThat(http.delete("/api/me/calendar-token", "kaavoittaja", "demo").statusCode())
        .isEqualTo(204);
    assertThat(http.get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void aLeadCannotTurnTheWarningsOffButMayTheDigest() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    HttpResponse<String> refused =
        http.put(
            "/api/me/notifications", "kaavoittaja", "demo", "{\"digest\":true,\"warnings\":false}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("vastuuhenkilö");
    HttpResponse<String> chosen =
        http.put(
            "/api/me/notifications",
            "henkilostopaallikko",
            "demo",
            "{\"digest\":false,\"warnings\":true}");
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(chosen.body()).contains("\"digest\":false");
    http.put(
        "/api/me/notifications",
        "henkilostopaallikko",
        "demo",
        "{\"digest\":true,\"warnings\":true}");
  }

  @Test
  void aFailedSendIsRetriedWithBackOffAndThenShownToAdmins() throws Exception {
    String subject = "Epäonnistuva " + UUID.randomUUID();
    repository.record(
        "kirjaaja",
        "ei sähköpostiosoite",
        Notifications.WARNING,
        LocalDate.parse("2027-03-17"),
        "test-" + UUID.randomUUID(),
        subject,
        "<p>x</p>",
        "x",
        java.time.OffsetDateTime.now(clock));
    sender.sendDue();
    HttpTestClient http = new HttpTestClient(port);
    assertThat(http.get("/api/notifications?state=RETRY", "admin", "demo").body())
        .contains(subject);
    sender.sendDue(); // not due again yet: the back-off
    assertThat(http.get("/api/notifications?state=RETRY", "admin", "demo").body())
        .contains(subject);
    clock.advance(java.time.Duration.ofMinutes(2));
    sender.sendDue();
    String failed = http.get("/api/notifications?state=FAILED", "admin", "demo").body();
    assertThat(failed).contains(subject).contains("\"attempts\":2");
    assertThat(http.get("/api/notifications?state=FAILED", "kaavoittaja", "demo").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aProposalsDisplayEndingInTwoWorkingDaysWarnsThePlannersAndIsInTheirCalendar()
      throws Exception {
    var started =
        plans.start(
            new fi.muutos.zoning.StartPlan(
                "Muistutuskaava " + UUID.randomUUID().toString().substring(0, 6),
                fi.muutos.zoning.PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Keskusta",
                null));
    driver.jobs(
        started.processInstanceId(),
        fi.muutos.zoning.ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    driver.complete(
        started.processInstanceId(),
        fi.muutos.zoning.ZoningPlanProcess.Elements.ANNOUNCE_INITIATION,
        fi.muutos.testing.ZoningSteps.announce("2026-01-05"));
    driver.complete(
        started.processInstanceId(),
        fi.muutos.zoning.ZoningPlanProcess.Elements.PREPARE_PROPOSAL,
        fi.muutos.testing.ZoningSteps.proposal("2026-03-04", ""));
    // a minor change is on display 14 days: the last day is Wednesday 18.3.2026
    Deadline display =
        deadlines.of("kaavoittaja").stream()
            .filter(d -> started.businessKey().equals(d.caseKey()))
            .findFirst()
            .orElseThrow();
    assertThat(display.due()).isEqualTo(LocalDate.parse("2026-03-18"));
    assertThat(display.task()).isEqualTo("Kaavaehdotuksen nähtävilläolo päättyy");
    assertThat(display.basis()).contains("AKL 65 §");

    // Monday 16.3.: Tuesday (1) and Wednesday (2) are left
    notifications.run(LocalDate.parse("2026-03-16"));
    sender.sendDue();
    assertThat(to("kaavoittaja@muutos.example"))
        .filteredOn(
            m ->
                subject(m)
                    .equals(
                        "Määräaika lähestyy: Kaavaehdotuksen nähtävilläolo päättyy – "
                            + display.caseName()))
        .hasSize(1);
    // and in the planner's digest of that morning, with its case
    String html = part(only("kaavoittaja@muutos.example", "Määräajat 16.3.2026"), "text/html");
    assertThat(html).contains(display.caseName()).contains(started.businessKey());
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/mail"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/mail/digest-zoning.html"), html);
  }

  // --- helpers ---------------------------------------------------------------------------------

  @Autowired Deadlines deadlines;
  @Autowired fi.muutos.zoning.ZoningPlanProcedure plans;
  @Autowired fi.muutos.testing.ProcessDriver driver;
  @Autowired NotificationRepository repository;
  @Autowired fi.muutos.testing.MutableClock clock;

  private List<Deadline> notificationsDeadlines() {
    return deadlines.of("kaavoittaja");
  }

  /** A standalone task for the planners with a unique name; returns its id. */
  private String task(String what, LocalDate due, String basis) {
    Task task = taskService.newTask();
    task.setName(what + " " + UUID.randomUUID().toString().substring(0, 6));
    task.setDescription(basis);
    task.setDueDate(Date.from(due.atStartOfDay(HELSINKI).plusHours(23).toInstant()));
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), "kaavoitus");
    return task.getId();
  }

  private String name(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getName();
  }

  private static List<MimeMessage> to(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  private static MimeMessage only(String address, String subjectStart) {
    List<MimeMessage> mails =
        to(address).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
    assertThat(mails).as("mails to " + address + " about " + subjectStart).hasSize(1);
    return mails.get(0);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The text of the mail's part of this type (the mail is multipart: text and HTML). */
  private static String part(MimeMessage message, String type) throws Exception {
    return find((MimeMultipart) message.getContent(), type);
  }

  private static String find(MimeMultipart multipart, String type) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof MimeMultipart nested) {
        String found = find(nested, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
