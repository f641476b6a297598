package fi.muutos.identity;

/** The one group id that code knows: Camunda's administrators. All other groups are data. */
public final class Groups {

  /** Camunda's administrator group; members may do everything, including Admin. */
  public static final String ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  private Groups() {}
}
