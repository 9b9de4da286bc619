package de.kkb.vocabulary;

/**
 * Names of the model a consultant starts in Tasklist to report a critical situation,
 * {@code processes/critical-situation.bpmn}, and its start form.
 */
public final class CriticalSituationProcess {

  public static final String KEY = "CriticalSituationReport";

  private CriticalSituationProcess() {
  }

  public static final class Variables {
    /** What happened; passed on to the consultation with its message. */
    public static final String ESCALATION_DESCRIPTION = ConsultationProcess.Variables.ESCALATION_DESCRIPTION;

    private Variables() {
    }
  }
}
