/**
 * The process vocabulary, one place for every name that the models, the forms and the Java code
 * share: per process one class with its key, message names, error codes, user task ids and
 * variable names; {@link de.kkb.vocabulary.CommonVariables} for the variables that several processes
 * pass on to each other; {@link de.kkb.vocabulary.Phase} and {@link de.kkb.vocabulary.RequestStatus}
 * for the values people see.
 *
 * <p>The models and forms keep the same strings; {@code VocabularyConsistencyTest} fails when a
 * name here is missing from them, or a name there is missing here. A renamed element in Camunda
 * Modeler therefore breaks a test, not production.
 */
package de.kkb.vocabulary;
