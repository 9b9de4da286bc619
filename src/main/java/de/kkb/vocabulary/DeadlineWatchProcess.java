package de.kkb.vocabulary;

/** Names of the daily deadline watch, {@code processes/deadline-watch.bpmn}. */
public final class DeadlineWatchProcess {

  public static final String KEY = "DeadlineWatch";

  private DeadlineWatchProcess() {
  }
}
