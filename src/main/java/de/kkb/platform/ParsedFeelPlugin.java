package de.kkb.platform;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The decisions evaluate FEEL with {@link ParsedFeelEngine}, which parses each expression once. */
@Component
public class ParsedFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    // The engine hands its custom FEEL functions to the DMN configuration while it builds the DMN engine.
    DefaultDmnEngineConfiguration built = dmn;
    dmn.setFeelEngineFactory(new ParsedFeelEngine.Factory(built::getFeelCustomFunctionProviders));
  }
}
