package fi.muutos.testing;

import fi.muutos.MuutosApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on embedded PostgreSQL (profile {@code postgres}), with
 * the job executor, the event retry poller and the reminders' scheduler off so tests drive jobs,
 * retries and reminders themselves, and a {@link MutableClock} for the application's time. All
 * classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = MuutosApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "muutos.events.retry.enabled=false",
      // tests run the reminders and send them themselves (Notifications, NotificationSender)
      "muutos.notifications.enabled=false",
      // a failed reminder gives up after its second attempt (NotificationsTest)
      "muutos.notifications.retry.max-attempts=2",
      // every test signs in from 127.0.0.1, many with wrong passwords on purpose: the per-address
      // throttle has its own test (LoginThrottleTest)
      "muutos.identity.login.max-failures-per-address=1000000",
      // the test model that waits for events
      "muutos.events.processes.eventWaitCheck=fi.muutos.decision.made",
      // the authorization matrix's integration account (ApiAccess)
      "muutos.events.senders.matriisiintegraatio.sources=/matriisi",
      "muutos.events.senders.matriisiintegraatio.types=fi.muutos.decision.made"
    })
@Import(TestClockConfiguration.class)
@ActiveProfiles("postgres")
@ContextConfiguration(
    initializers = {
      EmbeddedPostgresInitializer.class,
      TestMail.class,
      FakeRyhti.class,
      FakeDynasty.class
    })
public @interface IntegrationTest {}
