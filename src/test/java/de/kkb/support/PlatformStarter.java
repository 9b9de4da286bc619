package de.kkb.support;

import java.util.ArrayList;
import java.util.List;

import de.kkb.KkbApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole platform the way {@code java -jar} does (web server on a free port), for tests of
 * start-up and restarts.
 */
public final class PlatformStarter {

  private PlatformStarter() {
  }

  public static ConfigurableApplicationContext start(List<String> profiles,
      String... properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("server.port=0");
    all.add("camunda.bpm.job-execution.enabled=false");
    return new SpringApplicationBuilder(KkbApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .properties(all.toArray(String[]::new))
        .run();
  }

  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
