package de.kkb.vocabulary;

/** Names of the programme round model, {@code processes/programme-round.bpmn}, and its forms. */
public final class ProgrammeRoundProcess {

  public static final String KEY = "ProgrammeRound";

  private ProgrammeRoundProcess() {
  }

  public static final class Tasks {
    public static final String CONCLUDE_SELECTION = "Task_ConcludeSelection";
    public static final String EVALUATE_PROGRAMME = "Task_EvaluateProgramme";

    private Tasks() {
    }
  }

  public static final class Variables {
    public static final String ROUND_START = "roundStart";
    public static final String ROUND_END = "roundEnd";
    public static final String ROUND_PHASE = "roundPhase";
    public static final String CAPACITY = "capacity";
    public static final String PLACES_TAKEN = "placesTaken";
    public static final String SELECTION_SUMMARY = "selectionSummary";
    public static final String EVALUATION_DATE = "evaluationDate";
    public static final String EVALUATION_SUMMARY = "evaluationSummary";

    private Variables() {
    }
  }
}
