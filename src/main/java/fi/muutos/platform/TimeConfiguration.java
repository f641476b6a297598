package fi.muutos.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, in the municipality's time zone ({@code muutos.time-zone}). */
@Configuration
class TimeConfiguration {

  @Bean
  Clock clock(@Value("${muutos.time-zone:Europe/Helsinki}") ZoneId zone) {
    return Clock.system(zone);
  }
}
