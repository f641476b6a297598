package fi.muutos.cases;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One business key, one case, across all processes. Each case process has its own key prefix
 * ({@code muutos.cases.key-prefixes}: {@code zoningPlan: KAAVA}, ...); a start of that process with
 * another prefix is refused (400), and a key that any case already has is refused (409), also when
 * two starts race for it (the primary key of {@code mu_case} decides). A start without a key gets
 * the next one of its prefix. Processes without a prefix (technical or test models) are not cases
 * and are left alone.
 */
@Component
public class CaseKeys {

  private final CaseSettings settings;
  private final BusinessKeys businessKeys;
  private final JdbcClient jdbc;
  private final Clock clock;

  CaseKeys(CaseSettings settings, BusinessKeys businessKeys, JdbcClient jdbc, Clock clock) {
    this.settings = settings;
    this.businessKeys = businessKeys;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The key prefix of a case process, or null when the process is not a case. */
  public String prefix(String processKey) {
    return settings.keyPrefixes().get(processKey);
  }

  /** A new key for a case of this process (taken in a short transaction of its own). */
  public String next(String processKey) {
    String prefix = prefix(processKey);
    if (prefix == null) {
      throw new IllegalArgumentException(
          processKey + " has no key prefix (muutos.cases.key-prefixes)");
    }
    return businessKeys.next(prefix);
  }

  /**
   * Claims the key of a starting case, in the start's transaction; returns the key (generated when
   * none was given), or the given key unchanged for a process that is not a case.
   */
  public String claim(String processKey, String businessKey, String processInstanceId) {
    String prefix = prefix(processKey);
    if (prefix == null) {
      return businessKey;
    }
    String key =
        businessKey == null || businessKey.isBlank()
            ? businessKeys.next(prefix)
            : businessKey.strip();
    if (!key.startsWith(prefix + "-")) {
      throw new DomainException(
          Kind.INVALID,
          "wrong-key-prefix",
          "Asiatunnus "
              + key
              + " ei kuulu tälle käsittelylle: sen tunnukset alkavat "
              + prefix
              + "- (the business key is not one of this process's keys).");
    }
    if (businessKey != null && !businessKey.isBlank()) {
      refuseAheadOfTheCounter(prefix, key);
    }
    var owner =
        jdbc.sql("select process_key, process_instance_id from mu_case where business_key = ?")
            .param(key)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
            .optional();
    if (owner.isPresent()) {
      if (owner.get().getValue().equals(processInstanceId)) {
        return key; // a retried start step of the same instance
      }
      throw duplicate(key);
    }
    try {
      jdbc.sql(
              "insert into mu_case (business_key, process_key, process_instance_id, "
                  + "created_at) values (?, ?, ?, ?)")
          .params(key, processKey, processInstanceId, OffsetDateTime.now(clock))
          .update();
    } catch (DuplicateKeyException raced) {
      throw duplicate(key);
    }
    return key;
  }

  /**
   * A numbered key of this year or later ({@code KAAVA-2026-024}) is the counter's to give: given
   * ahead of it, the counter's next start would fail on it. One it gave already (a gap a failed
   * start left), or of an earlier year (a matter from before Muutos), may be given.
   */
  private void refuseAheadOfTheCounter(String prefix, String key) {
    Matcher numbered = Pattern.compile(Pattern.quote(prefix) + "-(\\d{4})-(\\d{1,9})").matcher(key);
    if (!numbered.matches()) {
      return;
    }
    int year = Integer.parseInt(numbered.group(1));
    long number = Long.parseLong(numbered.group(2));
    if (year >= LocalDate.now(clock).getYear() && number > businessKeys.last(prefix, year)) {
      throw new DomainException(
          Kind.INVALID,
          "key-ahead-of-counter",
          "Liiketoiminta-avaimen "
              + key
              + " antaa Muutos itse järjestyksessä: numeroitua avainta ei voi varata etukäteen"
              + " (a numbered key of this year is given by the counter; start without a key).");
    }
  }

  private static DomainException duplicate(String key) {
    return new DomainException(
        Kind.CONFLICT,
        "duplicate-business-key",
        "Asia tunnuksella "
            + key
            + " on jo olemassa (a case with the business key "
            + key
            + " exists already).");
  }
}
