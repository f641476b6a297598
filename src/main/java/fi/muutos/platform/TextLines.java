package fi.muutos.platform;

import java.util.Arrays;
import java.util.List;

/** A text a person wrote one item per line (members, findings): its non-empty lines, stripped. */
public final class TextLines {

  private TextLines() {}

  public static List<String> of(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
