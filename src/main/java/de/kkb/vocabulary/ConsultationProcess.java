package de.kkb.vocabulary;

/** Names of the consultation model, {@code processes/consultation.bpmn}, and its forms. */
public final class ConsultationProcess {

  public static final String KEY = "Consultation";

  private ConsultationProcess() {
  }

  public static final class Messages {
    /** The municipality withdraws (payload: {@code withdrawalReason}). */
    public static final String WITHDRAWN = "ConsultationWithdrawn";
    /** A consultant reports a critical situation (payload: {@code escalationDescription}). */
    public static final String CRITICAL_ESCALATION_REPORTED = "CriticalEscalationReported";

    private Messages() {
    }
  }

  public static final class Tasks {
    public static final String HOLD_FIRST_TALK = "Task_HoldFirstTalk";
    public static final String CONCLUDE_COOPERATION_AGREEMENT = "Task_ConcludeCooperationAgreement";
    public static final String ACKNOWLEDGE_NO_MANDATE = "Task_AcknowledgeNoMandate";
    public static final String PLAN_TALKS = "Task_PlanTalks";
    public static final String HOLD_TALKS = "Task_HoldTalks";
    public static final String WRITE_CONFLICT_ANALYSIS = "Task_WriteConflictAnalysis";
    public static final String FEED_BACK_ANALYSIS = "Task_FeedBackAnalysis";
    public static final String DEVELOP_OPTIONS = "Task_DevelopOptions";
    public static final String AGREE_CONCEPT = "Task_AgreeConcept";
    public static final String ADD_MEASURE_TO_PLAN = "Task_AddMeasureToPlan";
    public static final String STEER_IMPLEMENTATION = "Task_SteerImplementation";
    public static final String INTERIM_REVIEW = "Task_InterimReview";
    public static final String EVALUATE_GOALS = "Task_EvaluateGoals";
    public static final String WRITE_FINAL_REPORT = "Task_WriteFinalReport";
    public static final String HAND_OVER = "Task_HandOver";
    public static final String ACKNOWLEDGE_WITHDRAWAL = "Task_AcknowledgeWithdrawal";
    public static final String ASSESS_ESCALATION = "Task_AssessEscalation";
    public static final String CLOSE_AT_PROGRAMME_END = "Task_CloseAtProgrammeEnd";

    private Tasks() {
    }
  }

  public static final class Variables {
    public static final String ADMINISTRATION_HEAD_ROLE = "administrationHeadRole";
    public static final String FIRST_TALK_DATE = "firstTalkDate";
    public static final String FIRST_TALK_PARTICIPANTS = "firstTalkParticipants";
    public static final String AGREEMENT_OUTCOME = "agreementOutcome";
    public static final String AGREEMENT_PARTIES = "agreementParties";
    public static final String AGREEMENT_SIGNED_DATE = "agreementSignedDate";
    public static final String NO_AGREEMENT_REASON = "noAgreementReason";
    public static final String NO_MANDATE_NOTE = "noMandateNote";
    public static final String PLANNED_INDIVIDUAL_TALKS = "plannedIndividualTalks";
    public static final String PLANNED_GROUP_TALKS = "plannedGroupTalks";
    public static final String PLANNED_STAKEHOLDER_GROUPS = "plannedStakeholderGroups";
    public static final String INDIVIDUAL_TALKS_COUNT = "individualTalksCount";
    public static final String GROUP_TALKS_COUNT = "groupTalksCount";
    public static final String STAKEHOLDER_GROUPS_REACHED = "stakeholderGroupsReached";
    public static final String SKA_COMPLETED_DATE = "skaCompletedDate";
    public static final String SKA_KEY_FINDINGS = "skaKeyFindings";
    public static final String FEEDBACK_DATE = "feedbackDate";
    public static final String FEEDBACK_PARTICIPANTS = "feedbackParticipants";
    public static final String OPTIONS_SUMMARY = "optionsSummary";
    public static final String WORKSHOPS_HELD = "workshopsHeld";
    public static final String CONCEPT_AGREEMENT = "conceptAgreement";
    public static final String CONCEPT_AGREED_DATE = "conceptAgreedDate";
    public static final String CONCEPT_REVISION_REASON = "conceptRevisionReason";
    public static final String MORE_MEASURES = "moreMeasures";
    /** The measures planned so far, as a Markdown list for the measure form. */
    public static final String PLANNED_MEASURES = "plannedMeasures";
    /** Whether implementation was reached: until then a withdrawal frees the place. */
    @CodeOnly
    public static final String REACHED_IMPLEMENTATION = "reachedImplementation";
    public static final String MEASURES = "measures";
    public static final String IMPLEMENTATION_ACTION = "implementationAction";
    public static final String INTERIM_REVIEW_DATE = "interimReviewDate";
    public static final String INTERIM_PROGRESS = "interimProgress";
    public static final String INTERIM_ADJUSTMENTS = "interimAdjustments";
    public static final String GOAL1 = "goal1";
    public static final String GOAL1_ACHIEVEMENT = "goal1Achievement";
    public static final String GOAL1_JUSTIFICATION = "goal1Justification";
    public static final String GOAL2 = "goal2";
    public static final String GOAL2_ACHIEVEMENT = "goal2Achievement";
    public static final String GOAL2_JUSTIFICATION = "goal2Justification";
    public static final String GOAL3 = "goal3";
    public static final String GOAL3_ACHIEVEMENT = "goal3Achievement";
    public static final String GOAL3_JUSTIFICATION = "goal3Justification";
    public static final String GOAL4 = "goal4";
    public static final String GOAL4_ACHIEVEMENT = "goal4Achievement";
    public static final String GOAL4_JUSTIFICATION = "goal4Justification";
    public static final String GOAL5 = "goal5";
    public static final String GOAL5_ACHIEVEMENT = "goal5Achievement";
    public static final String GOAL5_JUSTIFICATION = "goal5Justification";
    public static final String LESSONS_LEARNED = "lessonsLearned";
    public static final String FINAL_REPORT_DATE = "finalReportDate";
    public static final String FINAL_REPORT_SUMMARY = "finalReportSummary";
    public static final String HANDOVER_DATE = "handoverDate";
    public static final String HANDOVER_STRUCTURE = "handoverStructure";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String WITHDRAWAL_NOTE = "withdrawalNote";
    public static final String ESCALATION_DESCRIPTION = "escalationDescription";
    public static final String ESCALATION_ASSESSMENT = "escalationAssessment";
    public static final String ESCALATION_NOTE = "escalationNote";
    public static final String CLOSING_SUMMARY = "closingSummary";

    // One structured variable (JSON) per step for the fields that only document it: nothing later
    // reads them one by one (see docs/processes.md, "Step records").
    @CodeOnly
    public static final String FIRST_TALK_RECORD = "firstTalkRecord";
    @CodeOnly
    public static final String AGREEMENT_RECORD = "agreementRecord";
    @CodeOnly
    public static final String TALK_PLAN_RECORD = "talkPlanRecord";
    @CodeOnly
    public static final String TALKS_RECORD = "talksRecord";
    @CodeOnly
    public static final String CONFLICT_ANALYSIS_RECORD = "conflictAnalysisRecord";
    @CodeOnly
    public static final String FEEDBACK_RECORD = "feedbackRecord";
    @CodeOnly
    public static final String INTERIM_REVIEW_RECORD = "interimReviewRecord";
    @CodeOnly
    public static final String GOAL_EVALUATION_RECORD = "goalEvaluationRecord";
    @CodeOnly
    public static final String FINAL_REPORT_RECORD = "finalReportRecord";
    @CodeOnly
    public static final String HANDOVER_RECORD = "handoverRecord";
    @CodeOnly
    public static final String PROGRAMME_END_RECORD = "programmeEndRecord";
    @CodeOnly
    public static final String ESCALATION_RECORD = "escalationRecord";

    private Variables() {
    }
  }

  /** Option values of the forms that code reads. */
  public static final class Values {
    public static final String AGREEMENT_CONCLUDED = "CONCLUDED";
    public static final String CONCEPT_AGREED = "AGREED";
    /** "Umsetzung begleiten": a further measure is added to the plan. */
    public static final String IMPLEMENTATION_ADD_MEASURE = "ADD_MEASURE";
    public static final String MEASURE_FORMAT_ROUND_TABLE = "RUNDER_TISCH";

    private Values() {
    }
  }
}
