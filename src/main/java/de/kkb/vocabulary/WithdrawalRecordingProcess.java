package de.kkb.vocabulary;

/**
 * Names of the model programme management starts in Tasklist to record a municipality's withdrawal,
 * {@code processes/withdrawal-recording.bpmn}, and its start form.
 */
public final class WithdrawalRecordingProcess {

  public static final String KEY = "WithdrawalRecording";

  private WithdrawalRecordingProcess() {
  }

  public static final class Variables {
    /** The municipality's reason; passed on to the consultation and its request. */
    public static final String WITHDRAWAL_REASON = ConsultationProcess.Variables.WITHDRAWAL_REASON;

    private Variables() {
    }
  }
}
