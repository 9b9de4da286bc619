package de.kkb.platform;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Reshapes what a task form submits before the engine stores it (after the date check in
 * {@link FormDates}): the one place every Tasklist submission passes. Steps exist to store fewer
 * variables, since each costs history rows; they must keep what later steps, reports and people read.
 */
public interface FormSubmissionStep {

  /** The values to store for task {@code taskKey}: {@code submitted} itself if the step has nothing to do. */
  VariableMap apply(String taskKey, VariableMap submitted, VariableScope task);
}
