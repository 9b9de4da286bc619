package de.kkb.vocabulary;

/**
 * Variables that travel between processes: the request hands them to the consultation, which
 * hands them to its interventions and interim reports.
 */
public final class CommonVariables {

  /** The request's reference (also every process's business key), e.g. {@code KKB-2023-0001}. */
  public static final String REFERENCE = "reference";
  public static final String MUNICIPALITY_NAME = "municipalityName";
  /** The consultant group of the carrier that advises the municipality. */
  public static final String CARRIER_GROUP = "carrierGroup";
  /** The carrier's display name, derived from {@link #CARRIER_GROUP}. */
  @CodeOnly
  public static final String CARRIER = "carrier";
  /** The consultants who advise the municipality: user ids of the carrier's group. */
  public static final String CONSULTANT_TEAM = "consultantTeam";
  /**
   * The consultant who leads the consultation: its tasks are assigned to them, the carrier's group
   * stays candidate. Whoever of the carrier takes over a task becomes the lead.
   */
  public static final String CONSULTANT_LEAD = "consultantLead";
  /** Where a consultation stands: the label of a {@link Phase}. */
  public static final String PHASE = "phase";
  public static final String MEASURE_TITLE = "measureTitle";
  public static final String MEASURE_FORMAT = "measureFormat";
  public static final String MEASURE_LEAD = "measureLead";
  public static final String PLANNED_DATE = "plannedDate";
  /**
   * The documents the applicant handed in, as Markdown links for the forms of programme management
   * and, once selected, of the advising carrier's consultants.
   */
  public static final String HANDED_IN_DOCUMENTS = "handedInDocuments";

  private CommonVariables() {
  }
}
