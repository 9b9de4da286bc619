package de.kkb.vocabulary;

/** Names of the nightly clean-up of the platform's own tables, {@code processes/data-retention.bpmn}. */
public final class DataRetentionProcess {

  public static final String KEY = "DataRetention";

  private DataRetentionProcess() {
  }
}
