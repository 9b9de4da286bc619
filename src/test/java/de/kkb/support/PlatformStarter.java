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
    return start(List.of(), profiles, properties);
  }

  /**
   * With further sources: classes whose {@code @Bean} methods add or replace beans (a test's stand-in,
   * e.g. a mail sender with a hook). They carry no {@code @Configuration}, so that the platform's
   * component scan never picks them up in other tests.
   */
  public static ConfigurableApplicationContext start(List<Class<?>> sources, List<String> profiles,
      String... properties) {
    // Command-line arguments, as an operator would pass them: they win over application.yaml.
    List<String> args = new ArrayList<>();
    for (String property : properties) {
      args.add("--" + property);
    }
    args.add("--server.port=0");
    if (args.stream().noneMatch(arg -> arg.startsWith("--camunda.bpm.job-execution.enabled="))) {
      args.add("--camunda.bpm.job-execution.enabled=false");
    }
    List<Class<?>> all = new ArrayList<>(List.of(KkbApplication.class));
    all.addAll(sources);
    return new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
        .profiles(profiles.toArray(String[]::new))
        .run(args.toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
