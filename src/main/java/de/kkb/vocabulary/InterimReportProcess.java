package de.kkb.vocabulary;

/** Names of the interim report model, {@code processes/interim-report.bpmn}, and its forms. */
public final class InterimReportProcess {

  public static final String KEY = "InterimReport";

  private InterimReportProcess() {
  }

  public static final class Tasks {
    public static final String WRITE_INTERIM_REPORT = "Task_WriteInterimReport";

    private Tasks() {
    }
  }

  public static final class Variables {
    public static final String REPORT_PERIOD = "reportPeriod";
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String REPORT_OUTLOOK = "reportOutlook";

    private Variables() {
    }
  }
}
