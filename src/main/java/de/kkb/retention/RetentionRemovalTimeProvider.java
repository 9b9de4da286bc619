package de.kkb.retention;

import java.util.Date;

import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The removal time the engine writes on the whole history of a root process instance when it ends
 * (strategy {@code end}): from {@link RetentionPolicy}, exact to the calendar (a period of months is
 * months, not days). Children (the consultation a request calls, its measures) inherit the root's.
 * A request that called a consultation is kept until the programme's end plus the configured years,
 * one that ended without a selection for {@code requests-without-selection} after its end.
 */
public class RetentionRemovalTimeProvider extends DefaultHistoryRemovalTimeProvider {

  private final RetentionPolicy policy;

  public RetentionRemovalTimeProvider(RetentionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
    if (root.getEndTime() == null) {
      return super.calculateRemovalTime(root, definition);
    }
    String key = definition.getKey();
    boolean selected = ConsultationRequestProcess.KEY.equals(key) && calledAConsultation(root);
    return policy.removalTime(key, root.getEndTime().toInstant(), selected)
        .map(Date::from)
        .orElseGet(() -> super.calculateRemovalTime(root, definition));
  }

  /**
   * Whether the request's hierarchy holds a consultation, whatever became of it: read from the
   * history, without the authorizations of whoever completed the last task.
   */
  private static boolean calledAConsultation(HistoricProcessInstanceEventEntity root) {
    CommandContext commandContext = Context.getCommandContext();
    HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
    query.rootProcessInstanceId(root.getProcessInstanceId()).processDefinitionKey(ConsultationProcess.KEY);
    return commandContext.runWithoutAuthorization(() -> query.executeCount(commandContext)) > 0;
  }
}
