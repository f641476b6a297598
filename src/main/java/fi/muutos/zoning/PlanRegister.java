package fi.muutos.zoning;

/**
 * The national register of plans (Ryhti, act 431/2023) as the plan's record sees it: what the
 * register holds of a plan, as far as Muutos knows. The register's adapter ({@code
 * fi.muutos.ryhti}) provides it; zoning depends on this, never on the adapter.
 */
public interface PlanRegister {

  /** What the register holds of the plan with this business key. */
  RyhtiStatus of(String businessKey);
}
