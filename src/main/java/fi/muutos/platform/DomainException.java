package fi.muutos.platform;

/**
 * A refusal by the domain: unknown item, illegal transition, invalid input. Features throw it with
 * a {@link Kind} and a stable slug; the web layer turns it into problem details (404, 409, 400,
 * 403), process delegates into incidents or BPMN errors. The message is for people: say what was
 * refused and why, naming the item.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal this is; decides the HTTP status. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID,
    FORBIDDEN
  }

  private final Kind kind;
  private final String slug;

  public DomainException(Kind kind, String slug, String message) {
    super(message);
    this.kind = kind;
    this.slug = slug;
  }

  /**
   * A legal date that does not fit the procedure (before the act it follows, an act dated ahead): a
   * 400 of the kind {@code legal-date}.
   */
  public static DomainException legalDate(String message) {
    return new DomainException(Kind.INVALID, "legal-date", message);
  }

  public Kind kind() {
    return kind;
  }

  /** Stable problem type slug, e.g. {@code measure-not-found}. */
  public String slug() {
    return slug;
  }
}
