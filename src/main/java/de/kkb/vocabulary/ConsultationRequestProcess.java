package de.kkb.vocabulary;

/** Names of the request model, {@code processes/consultation-request.bpmn}, and its forms. */
public final class ConsultationRequestProcess {

  public static final String KEY = "ConsultationRequest";
  /** The decision table {@code processes/eligibility.dmn}. */
  public static final String ELIGIBILITY_DECISION = "Eligibility";

  private ConsultationRequestProcess() {
  }

  /** The outputs of {@link #ELIGIBILITY_DECISION}, the entries of the variable {@code eligibility}. */
  public static final class EligibilityOutputs {
    public static final String ELIGIBLE = "eligible";
    /** Why a request is not eligible, in plain German; null when it is. */
    public static final String INELIGIBILITY_REASON = "ineligibilityReason";

    private EligibilityOutputs() {
    }
  }

  public static final class Messages {
    /** A free place goes to the first request on the waiting list. */
    public static final String PLACE_OFFERED = "PlaceOffered";
    /** The applicant handed in the missing documents. */
    public static final String DOCUMENTS_PROVIDED = "RequestDocumentsProvided";
    /** The applicant withdraws before the selection: the request ends withdrawn. */
    public static final String WITHDRAWN = "RequestWithdrawn";
    /**
     * The applicant withdraws while the consultation runs: the request confirms it (the consultation
     * gets {@link ConsultationProcess.Messages#WITHDRAWN}).
     */
    public static final String SELECTED_REQUEST_WITHDRAWN = "SelectedRequestWithdrawn";

    private Messages() {
    }
  }

  public static final class Errors {
    /** A selection that found no free place: the decision goes back to programme management. */
    public static final String SELECTION_REFUSED = "SelectionRefused";

    private Errors() {
    }
  }

  /** Other activities that code looks for. */
  public static final class Activities {
    public static final String AWAIT_DOCUMENTS = "ReceiveTask_AwaitDocuments";
    public static final String CONSULTATION = "CallActivity_Consultation";

    private Activities() {
    }
  }

  public static final class Tasks {
    public static final String CHECK_COMPLETENESS = "Task_CheckCompleteness";
    public static final String HOLD_PRELIMINARY_TALK = "Task_HoldPreliminaryTalk";
    public static final String DECIDE_SELECTION = "Task_DecideSelection";
    public static final String OFFER_FREE_PLACE = "Task_OfferFreePlace";

    private Tasks() {
    }
  }

  public static final class Variables {
    // What the applicant enters (the intake API and the application page); the ones no model or
    // form names are @CodeOnly: the intake writes them; notices, code and the decision table read them.
    @CodeOnly
    public static final String MUNICIPALITY_KIND = "municipalityKind";
    @CodeOnly
    public static final String AGS = "ags";
    @CodeOnly
    public static final String POPULATION = "population";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_ROLE = "contactRole";
    @CodeOnly
    public static final String CONTACT_EMAIL = "contactEmail";
    @CodeOnly
    public static final String CONTACT_PHONE = "contactPhone";
    @CodeOnly
    public static final String COMMISSIONED_BY_ADMINISTRATION_HEAD = "commissionedByAdministrationHead";
    public static final String CONFLICT_DESCRIPTION = "conflictDescription";
    @CodeOnly
    public static final String PREVIOUS_ATTEMPTS = "previousAttempts";
    @CodeOnly
    public static final String PARTIES_INVOLVED = "partiesInvolved";
    @CodeOnly
    public static final String DESIRED_START = "desiredStart";
    // Programme management and consultants
    public static final String DOCUMENTS_COMPLETE = "documentsComplete";
    public static final String MISSING_DOCUMENTS = "missingDocuments";
    public static final String PRELIMINARY_TALK_DATE = "preliminaryTalkDate";
    public static final String PRELIMINARY_TALK_PARTICIPANTS = "preliminaryTalkParticipants";
    public static final String TALK_RECOMMENDATION = "talkRecommendation";
    public static final String TALK_RECOMMENDATION_NOTE = "talkRecommendationNote";
    public static final String SELECTION_DECISION = "selectionDecision";
    public static final String SELECTION_REASON = "selectionReason";
    public static final String OFFER_PLACE = "offerPlace";
    // Set by code
    /** The result of {@link ConsultationRequestProcess#ELIGIBILITY_DECISION}. */
    public static final String ELIGIBILITY = "eligibility";
    /** The status the applicant sees: the label of a {@link RequestStatus}. */
    public static final String REQUEST_STATUS = "requestStatus";
    public static final String SELECTION_REFUSAL = "selectionRefusal";
    /** Who decided a selection that was refused: the decision comes back to them. */
    @CodeOnly
    public static final String SELECTION_DECIDER = "selectionDecider";
    /** The carriers' consultants as form options ({@code [{label, value}]}) for team and lead. */
    public static final String CONSULTANT_OPTIONS = "consultantOptions";
    /** The round's free places, shown in the selection form. */
    public static final String FREE_PLACES = "freePlaces";
    @CodeOnly
    public static final String WAITING_LIST_SINCE = "waitingListSince";
    public static final String NEXT_ON_WAITING_LIST = "nextOnWaitingList";
    public static final String NEXT_ON_WAITING_LIST_NAME = "nextOnWaitingListName";
    /**
     * Whether the consultation gave its place back to the round (it ended withdrawn or without a
     * mandate before implementation); set by the consultation, passed back when it ends.
     */
    public static final String PLACE_FREED = "placeFreed";
    /** Why the applicant withdrew (optional); the request's copy of the consultation's variable. */
    @CodeOnly
    public static final String WITHDRAWAL_REASON = ConsultationProcess.Variables.WITHDRAWAL_REASON;

    private Variables() {
    }
  }

  /** Option values of the forms that code reads. */
  public static final class Values {
    public static final String SELECTED = "SELECTED";
    public static final String WAITING_LIST = "WAITING_LIST";
    public static final String OFFER = "OFFER";
    public static final String DOCUMENTS_COMPLETE = "COMPLETE";

    private Values() {
    }
  }
}
