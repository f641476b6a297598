package fi.muutos.cases;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code muutos.cases.*}: which processes are case processes, with their key prefix, and the group
 * responsible for each one's cases. Data, not code: another municipality names its own groups.
 *
 * @param keyPrefixes process key → business-key prefix (KAAVA, ...)
 * @param responsibleGroups process key → the responsible group's id
 */
@ConfigurationProperties("muutos.cases")
public record CaseSettings(Map<String, String> keyPrefixes, Map<String, String> responsibleGroups) {

  public CaseSettings {
    keyPrefixes = keyPrefixes == null ? Map.of() : Map.copyOf(keyPrefixes);
    responsibleGroups = responsibleGroups == null ? Map.of() : Map.copyOf(responsibleGroups);
    for (String process : keyPrefixes.keySet()) {
      if (!responsibleGroups.containsKey(process)) {
        throw new IllegalArgumentException(
            "muutos.cases.responsible-groups has no group for the case process " + process);
      }
    }
  }
}
