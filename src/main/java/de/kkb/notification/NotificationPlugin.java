package de.kkb.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers the sending job and its retries. (The notices about tasks are task listeners, added to
 * every user task by {@link de.kkb.platform.UserTaskListeners}.)
 */
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final SendNotificationJobHandler handler;
  private final NotificationRetries retries;

  public NotificationPlugin(SendNotificationJobHandler handler, NotificationRetries retries) {
    this.handler = handler;
    this.retries = retries;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(handler);
    configuration.setFailedJobCommandFactory(retries);
  }
}
