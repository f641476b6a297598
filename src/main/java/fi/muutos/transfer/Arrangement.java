package fi.muutos.transfer;

/**
 * How the service goes to the company: a transfer of business (liikkeen luovutus) to a new company
 * the city founds or to an existing one it joins, or a joining or funding agreement, which moves no
 * staff and no assets and is no transfer of business.
 */
public enum Arrangement {
  NEW_COMPANY("Uusi yhtiö perustetaan", true),
  EXISTING_COMPANY("Olemassa oleva yhtiö", true),
  JOINING_AGREEMENT("Liittymis- tai rahoitussopimus", false);

  private final String label;
  private final boolean transferOfBusiness;

  Arrangement(String label, boolean transferOfBusiness) {
    this.label = label;
    this.transferOfBusiness = transferOfBusiness;
  }

  public String label() {
    return label;
  }

  /** Whether staff and assets may move (a liikkeen luovutus). */
  public boolean transferOfBusiness() {
    return transferOfBusiness;
  }
}
