package dev.canarykit.core.model;

/** Deployment strategies, named as in Flagger's metrics labels. */
public enum Strategy {
  CANARY("canary"),
  AB_TESTING("ab-testing"),
  BLUE_GREEN("blue-green");

  private final String wireName;

  Strategy(String wireName) {
    this.wireName = wireName;
  }

  /** The label value Flagger uses. */
  public String wireName() {
    return wireName;
  }
}
