package de.kkb.vocabulary;

/** Names of the measure model, {@code processes/intervention.bpmn}, and its forms. */
public final class InterventionProcess {

  public static final String KEY = "Intervention";

  private InterventionProcess() {
  }

  public static final class Tasks {
    public static final String PREPARE_INTERVENTION = "Task_PrepareIntervention";
    public static final String DOCUMENT_INTERVENTION = "Task_DocumentIntervention";

    private Tasks() {
    }
  }

  public static final class Variables {
    public static final String VENUE = "venue";
    public static final String INVITED_GROUPS = "invitedGroups";
    public static final String PARTICIPANTS = "participants";
    public static final String INTERVENTION_OUTCOME = "interventionOutcome";
    public static final String RESULT_SUMMARY = "resultSummary";
    public static final String FOLLOW_UP_PLANNED = "followUpPlanned";
    /** The documentation-only fields of "Maßnahme vorbereiten", as one JSON variable. */
    @CodeOnly
    public static final String PREPARATION_RECORD = "preparationRecord";
    /** The documentation-only fields of "Maßnahme dokumentieren", as one JSON variable. */
    @CodeOnly
    public static final String DOCUMENTATION_RECORD = "documentationRecord";

    private Variables() {
    }
  }

  /** Option values of the forms that code reads. */
  public static final class Values {
    /** The measure took place. */
    public static final String HELD = "HELD";

    private Values() {
    }
  }
}
