package fi.muutos.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each drill's last result, in target/drills/, from which docs/resilience.md is updated. */
final class DrillReport {

  private DrillReport() {}

  static void write(String file, String text) throws IOException {
    Path out = Path.of("target", "drills", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    System.out.println(text);
  }
}
