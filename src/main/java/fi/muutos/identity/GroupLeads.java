package fi.muutos.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each group's lead ({@code muutos.identity.groups[].lead}): the person who gets the warnings of
 * the group's legal deadlines and cannot turn them off.
 */
@Component
public class GroupLeads {

  private final IdentitySettings settings;

  GroupLeads(IdentitySettings settings) {
    this.settings = settings;
  }

  /** The lead of the group, if it has one. */
  public Optional<String> of(String groupId) {
    return settings.groups().stream()
        .filter(group -> group.id().equals(groupId))
        .map(IdentitySettings.GroupSettings::lead)
        .filter(lead -> lead != null)
        .findFirst();
  }

  /** Whether the user leads any group. */
  public boolean isLead(String userId) {
    return settings.groups().stream().anyMatch(group -> userId.equals(group.lead()));
  }

  /** The groups the user leads. */
  public List<String> ledBy(String userId) {
    return settings.groups().stream()
        .filter(group -> userId.equals(group.lead()))
        .map(IdentitySettings.GroupSettings::id)
        .toList();
  }
}
