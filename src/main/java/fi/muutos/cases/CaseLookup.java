package fi.muutos.cases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a case by what another system knows of it: an event's subject (the business key, or the
 * matter's record number, diaarinumero), a meeting item's record number, or a business key named in
 * a text.
 */
@Service
public class CaseLookup {

  private final CaseRepository repository;
  private final CaseSettings settings;

  CaseLookup(CaseRepository repository, CaseSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  /** What a business key looks like (CaseKeys); a record number has other characters too. */
  private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /**
   * The business key an event's subject names: the subject itself, or, when it is a record number
   * (diaarinumero) of exactly one case, that case's key. A partner that knows the matter by its
   * record number can address it so.
   */
  @Transactional(readOnly = true)
  public String businessKeyFor(String subject) {
    if (subject == null || BUSINESS_KEY.matcher(subject).matches()) {
      return subject;
    }
    List<String> keys = repository.businessKeysByRecordNumber(subject.strip());
    return keys.size() == 1 ? keys.get(0) : subject;
  }

  /** The case whose matter has this record number (diaarinumero), if exactly one has. */
  @Transactional(readOnly = true)
  public Optional<String> caseByRecordNumber(String recordNumber) {
    if (recordNumber == null || recordNumber.isBlank()) {
      return Optional.empty();
    }
    List<String> keys = repository.businessKeysByRecordNumber(recordNumber.strip());
    return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
  }

  /**
   * The first case a text names by its business key (a key of a configured prefix, e.g.
   * KAAVA-2026-004), if the case exists.
   */
  @Transactional(readOnly = true)
  public Optional<String> caseNamedIn(String text) {
    if (text == null || settings.keyPrefixes().isEmpty()) {
      return Optional.empty();
    }
    Matcher keys =
        Pattern.compile(
                "\\b(?:"
                    + settings.keyPrefixes().values().stream()
                        .map(Pattern::quote)
                        .collect(Collectors.joining("|"))
                    + ")-\\d{4}-\\d{1,9}\\b")
            .matcher(text);
    while (keys.find()) {
      if (repository.find(keys.group()).isPresent()) {
        return Optional.of(keys.group());
      }
    }
    return Optional.empty();
  }
}
