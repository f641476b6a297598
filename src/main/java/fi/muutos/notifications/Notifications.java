package fi.muutos.notifications;

import fi.muutos.identity.GroupLeads;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.MunicipalitySettings;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Legal deadlines brought to people: each working morning a digest per person (overdue, due today,
 * due within the horizon) and the warnings that cannot wait (a legal deadline a configured number
 * of working days away: the group and its lead; overdue: its lead, daily). Every mail is recorded
 * under a unique key before it is sent ({@link NotificationSender} sends them), so two nodes or a
 * restart never send one twice. Without a mail server ({@code spring.mail.host}) nothing is
 * recorded or sent.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

  static final String DIGEST = "DIGEST";
  static final String WARNING = "WARNING";
  static final String OVERDUE = "OVERDUE";

  private final Deadlines deadlines;
  private final NotificationRepository repository;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final GroupLeads leads;
  private final WorkingDays workingDays;
  private final NotificationSettings settings;
  private final MunicipalitySettings municipality;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationSender sender;
  private final Clock clock;

  Notifications(
      Deadlines deadlines,
      NotificationRepository repository,
      MailTemplates templates,
      IdentityService identityService,
      GroupLeads leads,
      WorkingDays workingDays,
      NotificationSettings settings,
      MunicipalitySettings municipality,
      ObjectProvider<JavaMailSender> mail,
      NotificationSender sender,
      Clock clock) {
    this.deadlines = deadlines;
    this.repository = repository;
    this.templates = templates;
    this.identityService = identityService;
    this.leads = leads;
    this.workingDays = workingDays;
    this.settings = settings;
    this.municipality = municipality;
    this.mail = mail;
    this.sender = sender;
    this.clock = clock;
    if (mail.getIfAvailable() == null) {
      LOG.warn(
          "Sähköposti ei ole käytössä (spring.mail.host puuttuu): muistutuksia ei lähetetä. "
              + "Mail is off: no reminders are sent.");
    }
  }

  /** What one run recorded (mails already recorded for the day are not counted again). */
  public record Run(LocalDate day, boolean workingDay, int digests, int warnings) {}

  /** Records today's digests and warnings. */
  public Run runToday() {
    return run(LocalDate.now(clock));
  }

  /**
   * Records today's digests and warnings and sends them now ({@code POST
   * /api/notifications/digest}).
   */
  public Run runNow() {
    Run run = runToday();
    sender.sendDue();
    return run;
  }

  Run run(LocalDate day) {
    if (mail.getIfAvailable() == null) {
      return new Run(day, workingDays.isWorkingDay(day), 0, 0);
    }
    if (!workingDays.isWorkingDay(day)) {
      return new Run(day, false, 0, 0);
    }
    List<Deadline> all = deadlines.all();
    int digests = 0;
    for (User user : identityService.createUserQuery().list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank() && digestWanted(user.getId())) {
        digests += digest(user, day, deadlines.of(user.getId(), all)) ? 1 : 0;
      }
    }
    return new Run(day, true, digests, warnings(day, all));
  }

  private boolean digest(User user, LocalDate day, List<Deadline> theirs) {
    LocalDate horizon = day.plusDays(settings.horizonDays());
    List<Deadline> mine = theirs.stream().filter(d -> !d.due().isAfter(horizon)).toList();
    if (mine.isEmpty()) {
      return false;
    }
    List<Map<String, Object>> sections = new ArrayList<>();
    section(sections, "Myöhässä", mine, day, "OVERDUE");
    section(sections, "Määräpäivä tänään", mine, day, "TODAY");
    section(
        sections, "Seuraavien " + settings.horizonDays() + " päivän aikana", mine, day, "UPCOMING");
    String subject =
        "Määräajat "
            + DAY.format(day)
            + ": "
            + mine.size()
            + (mine.size() == 1 ? " tehtävä" : " tehtävää");
    Map<String, Object> values = values(subject, day);
    values.put("name", displayName(user));
    values.put("sections", sections);
    return record(user, DIGEST, day, "-", subject, templates.render("digest", values));
  }

  private static void section(
      List<Map<String, Object>> sections,
      String title,
      List<Deadline> all,
      LocalDate day,
      String when) {
    List<Deadline> items = all.stream().filter(d -> d.when(day).equals(when)).toList();
    if (!items.isEmpty()) {
      sections.add(Map.of("title", title, "items", items));
    }
  }

  private int warnings(LocalDate day, List<Deadline> all) {
    int recorded = 0;
    for (Deadline deadline : all) {
      boolean overdue = deadline.due().isBefore(day);
      int away = workingDaysUntil(day, deadline.due());
      if (!overdue && away != settings.warnWorkingDays()) {
        continue;
      }
      Set<String> recipients = new LinkedHashSet<>();
      for (String group : deadline.groups()) {
        leads.of(group).ifPresent(recipients::add);
      }
      if (!overdue) {
        if (deadline.assignee() != null) {
          recipients.add(deadline.assignee());
        } else {
          for (String group : deadline.groups()) {
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getId)
                .filter(this::warningsWanted)
                .forEach(recipients::add);
          }
        }
      }
      String subject =
          (overdue ? "Määräaika ylittynyt: " : "Määräaika lähestyy: ")
              + deadline.task()
              + (deadline.caseName() == null ? "" : " – " + deadline.caseName());
      Map<String, Object> values = values(subject, day);
      values.put("d", deadline);
      values.put("overdue", overdue);
      values.put("workingDays", away);
      MailTemplates.Bodies bodies = templates.render("warning", values);
      for (String recipient : recipients) {
        User user = identityService.createUserQuery().userId(recipient).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
          LOG.warn(
              "Muistutusta ei voi lähettää: käyttäjällä {} ei ole sähköpostiosoitetta", recipient);
          continue;
        }
        recorded +=
            record(user, overdue ? OVERDUE : WARNING, day, deadline.taskId(), subject, bodies)
                ? 1
                : 0;
      }
    }
    return recorded;
  }

  /** Working days after {@code day} up to and including {@code due}. */
  private int workingDaysUntil(LocalDate day, LocalDate due) {
    int count = 0;
    for (LocalDate d = day.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
      count += workingDays.isWorkingDay(d) ? 1 : 0;
    }
    return count;
  }

  private boolean record(
      User user,
      String kind,
      LocalDate day,
      String subjectKey,
      String subject,
      MailTemplates.Bodies bodies) {
    return repository.record(
        user.getId(),
        user.getEmail(),
        kind,
        day,
        subjectKey,
        subject,
        bodies.html(),
        bodies.text(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  private Map<String, Object> values(String subject, LocalDate day) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("subject", subject);
    values.put("day", DAY.format(day));
    values.put("municipality", municipality.name());
    values.put("preferences", settings.baseUrl() + "/muistutukset.html");
    return values;
  }

  private static String displayName(User user) {
    String first = user.getFirstName();
    return first == null || first.isBlank() ? user.getId() : first;
  }

  /** A person's choices; a group lead's warnings cannot be turned off. */
  public record Choices(String email, boolean digest, boolean warnings, boolean lead) {}

  public Choices choices(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    boolean[] chosen = repository.choices(userId).orElse(new boolean[] {true, true});
    boolean lead = leads.isLead(userId);
    return new Choices(user == null ? null : user.getEmail(), chosen[0], chosen[1] || lead, lead);
  }

  public Choices choose(String userId, boolean digest, boolean warnings) {
    if (!warnings && leads.isLead(userId)) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "lead-warnings",
          "Ryhmän vastuuhenkilö ("
              + String.join(", ", leads.ledBy(userId))
              + ") saa aina lakisääteisten määräaikojen varoitukset (warnings).");
    }
    repository.choose(userId, digest, warnings);
    return choices(userId);
  }

  private boolean digestWanted(String userId) {
    return repository.choices(userId).map(c -> c[0]).orElse(true);
  }

  private boolean warningsWanted(String userId) {
    return leads.isLead(userId) || repository.choices(userId).map(c -> c[1]).orElse(true);
  }

  /** The mails recorded for admins: {@code state} PENDING, RETRY, SENT or FAILED. */
  public List<Sent> recorded(String state) {
    return repository.byState(state, 200).stream()
        .map(
            r ->
                new Sent(
                    r.id(),
                    r.recipient(),
                    r.kind(),
                    r.sendDay(),
                    r.subjectKey(),
                    r.mailSubject(),
                    r.state(),
                    r.attempts(),
                    r.lastError(),
                    r.sentAt()))
        .toList();
  }

  /** A recorded mail, without its body. */
  public record Sent(
      long id,
      String recipient,
      String kind,
      LocalDate day,
      String subjectKey,
      String subject,
      String state,
      int attempts,
      String lastError,
      OffsetDateTime sentAt) {}
}
