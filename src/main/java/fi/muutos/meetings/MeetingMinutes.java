package fi.muutos.meetings;

import fi.muutos.platform.MunicipalitySettings;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How Muutos reads a meeting item's text, a pure rule: the decision's outcome from the configured
 * words ({@code muutos.meetings.outcomes}, only when exactly one outcome's words are there), the
 * deciding body from the meeting system's name for it, and the words a title shares with a case's
 * name.
 */
final class MeetingMinutes {

  private final MeetingSettings settings;
  private final MunicipalitySettings municipality;

  MeetingMinutes(MeetingSettings settings, MunicipalitySettings municipality) {
    this.settings = settings;
    this.municipality = municipality;
  }

  /** The outcome the configured words say, when exactly one outcome's words are in the text. */
  Optional<String> outcome(String decisionText) {
    if (decisionText == null) {
      return Optional.empty();
    }
    String text = decisionText.toLowerCase(Locale.ROOT);
    Set<String> found = new LinkedHashSet<>();
    for (MeetingSettings.OutcomeWords words : settings.outcomes()) {
      if (words.patterns().stream().anyMatch(text::contains)) {
        found.add(words.outcome());
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  /** Whether the outcome is one the configured words name. */
  boolean knows(String outcome) {
    return outcome != null
        && settings.outcomes().stream().anyMatch(w -> w.outcome().equals(outcome));
  }

  /** The municipality's body the meeting system's name stands for. */
  Optional<String> body(String dynastyName) {
    if (dynastyName == null) {
      return Optional.empty();
    }
    return settings.dynasty().bodies().stream()
        .filter(b -> b.dynasty().strip().equalsIgnoreCase(dynastyName.strip()))
        .map(MeetingSettings.BodyName::body)
        .findFirst()
        .or(() -> municipality.body(dynastyName));
  }

  /** The words of five letters or more in a text, lower case. */
  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text != null) {
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (word.length() >= 5) {
          words.add(word);
        }
      }
    }
    return words;
  }
}
