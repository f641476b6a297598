package fi.muutos.architecture.violation.alpha;

import fi.muutos.architecture.violation.beta.internal.Hidden;

/** A deliberate violation for {@code ArchitectureTest}: reaches into another module's internals. */
public class Alpha {
  public Object reach() {
    return new Hidden();
  }
}
