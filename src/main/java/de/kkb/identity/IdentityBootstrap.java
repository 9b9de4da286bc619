package de.kkb.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings groups, grants, accounts and Tasklist filters to the state the platform needs. Runs once
 * the engine is built and before the web server takes requests; running it again changes nothing.
 */
@Component
public class IdentityBootstrap implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final ProcessEngine processEngine;
  private final IdentityProperties properties;
  private final AdminAccountSetup adminAccount;
  private final GroupSetup groups;
  private final AuthorizationSetup authorizations;
  private final DemoUserSetup demoUsers;
  private final TasklistFilterSetup filters;

  IdentityBootstrap(ProcessEngine processEngine, IdentityProperties properties,
      AdminAccountSetup adminAccount, GroupSetup groups, AuthorizationSetup authorizations,
      DemoUserSetup demoUsers, TasklistFilterSetup filters) {
    this.processEngine = processEngine;
    this.properties = properties;
    this.adminAccount = adminAccount;
    this.groups = groups;
    this.authorizations = authorizations;
    this.demoUsers = demoUsers;
    this.filters = filters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    run();
  }

  public void run() {
    groups.run();
    authorizations.run();
    adminAccount.run();
    if (properties.demoUsers()) {
      demoUsers.run();
      // No password in the log, not even the demo users' (the README names it).
      LOG.info("Demo users are active; never use this profile in production");
    }
    filters.run();
    LOG.info("Identity bootstrap done on engine '{}'", processEngine.getName());
  }
}
