package fi.muutos.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server for the integration tests (GreenMail, one per JVM, on a free port): the
 * application's {@code spring.mail.*} points at it, so reminders are really sent and received.
 */
public class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail server;

  /** The server, started on first use. */
  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + server().getSmtp().getPort())
        .applyTo(context.getEnvironment());
  }
}
