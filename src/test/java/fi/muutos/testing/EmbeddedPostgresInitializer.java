package fi.muutos.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a real PostgreSQL that the tests start themselves (binaries
 * from Maven Central, nothing installed). One server per JVM; each application context gets a
 * database of its own, so contexts never see each other's rows.
 *
 * <p>The server lives as long as a context uses it: each context holds a lease that its {@code
 * dataSource} bean depends on, so the server stops only after the last context has closed its
 * engine and connections (JVM shutdown hooks run concurrently and cannot order this).
 */
public class EmbeddedPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String LEASE_BEAN = "embeddedPostgresLease";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static EmbeddedPostgres server;
  private static int leases;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Lease lease = new Lease();
    String database = createDatabase();
    TestPropertyValues.of(
            "spring.datasource.url=" + lease.server.getJdbcUrl("postgres", database),
            "spring.datasource.username=postgres",
            "spring.datasource.password=")
        .applyTo(context.getEnvironment());
    context.addBeanFactoryPostProcessor(
        beanFactory -> {
          beanFactory.registerSingleton(LEASE_BEAN, lease);
          ((DefaultListableBeanFactory) beanFactory).registerDisposableBean(LEASE_BEAN, lease);
          if (beanFactory.containsBeanDefinition("dataSource")) {
            BeanDefinition dataSource = beanFactory.getBeanDefinition("dataSource");
            dataSource.setDependsOn(LEASE_BEAN);
          }
        });
  }

  /** A fresh, empty database on the shared server; returns its name. */
  public static String createDatabase() {
    String name = "muutos_" + DATABASES.incrementAndGet();
    try (Connection connection = acquire().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    } finally {
      release();
    }
    return name;
  }

  private static synchronized EmbeddedPostgres acquire() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
    }
    leases++;
    return server;
  }

  private static synchronized void release() {
    leases--;
    if (leases == 0 && server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        server = null;
      }
    }
  }

  /** Keeps the server running while a context uses it. */
  static final class Lease implements DisposableBean {
    final EmbeddedPostgres server = acquire();

    @Override
    public void destroy() {
      release();
    }
  }
}
