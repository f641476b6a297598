package fi.muutos.platform;

/**
 * Laki naisten ja miesten välisestä tasa-arvosta (609/1986) 4 a §: in a municipal body, and on the
 * board of a company the municipality controls, each sex has at least 40 % of the seats unless
 * there is an exceptional reason, which is then recorded.
 */
public final class GenderBalance {

  /** The least share (%) of each sex. */
  public static final int MIN_SHARE_PERCENT = 40;

  private GenderBalance() {}

  /** Whether {@code women} and {@code men} (together more than none) meet the least share. */
  public static boolean balanced(int women, int men) {
    int total = women + men;
    return women * 100 >= MIN_SHARE_PERCENT * total && men * 100 >= MIN_SHARE_PERCENT * total;
  }
}
