package de.kkb.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The engine API endpoints a consultant needs for Tasklist (and for working through the REST API
 * the same way): their filters and tasks, forms, comments, the process definitions' names, forms
 * and diagrams, their own profile. Every other endpoint (instances, history, statistics, messages,
 * signals, jobs, incidents, deployments, variables, identity management …) is refused, because the
 * engine's answers there would tell a consultant about other carriers' municipalities.
 *
 * <p>Paths are relative to the engine, so the same list serves {@code /engine-rest/…} and the
 * webapps' {@code /camunda/api/engine/engine/default/…}.
 */
final class ConsultantEngineApi {

  private static final String ID = "[^/]+";
  /** A definition id or key, never one of the collection's own sub-resources. */
  private static final String DEFINITION = "(key/[^/]+|(?!statistics$|count$)[^/]+)";

  private static final List<Rule> ALLOWED = List.of(
      // Tasklist's filters and the task list
      rule("GET|OPTIONS", "filter"), // OPTIONS: may the user create filters (no)
      rule("GET", "filter/count"),
      rule("GET", "filter/" + ID),
      rule("GET|POST", "filter/" + ID + "/(list|count|singleResult)"),
      rule("GET|POST", "task"),
      rule("GET|POST", "task/count"),
      // One task: read it, work on it, its form, its comments and people
      rule("GET|PUT", "task/" + ID),
      rule("GET", "task/" + ID + "/(form|deployed-form|rendered-form|form-variables)"),
      rule("GET", "task/" + ID + "/(variables|localVariables)(/" + ID + ")?"),
      rule("POST", "task/" + ID + "/(claim|unclaim|complete|submit-form|assignee|delegate|resolve)"),
      rule("GET", "task/" + ID + "/comment(/" + ID + ")?"),
      rule("POST", "task/" + ID + "/comment/create"),
      rule("GET", "task/" + ID + "/identity-links"),
      rule("POST", "task/" + ID + "/identity-links(/delete)?"),
      // Process definitions: names for the list, start forms, diagrams (no municipality data)
      rule("GET", "process-definition"),
      rule("GET", "process-definition/count"),
      rule("GET", "process-definition/" + DEFINITION),
      rule("GET", "process-definition/" + DEFINITION
          + "/(xml|startForm|deployed-start-form|rendered-form|form-variables)"),
      rule("POST", "process-definition/" + DEFINITION + "/(submit-form|start)"),
      // The task's history tab: what happened to this task
      rule("GET", "history/user-operation"),
      rule("GET", "history/user-operation/count"),
      // People: names of assignees, one's own groups and profile, one's own password
      rule("GET", "user/" + ID + "/profile"),
      rule("PUT", "user/" + ID + "/credentials"),
      rule("GET", "identity/groups"), // only for oneself: EngineApiAccess checks the userId
      // The Welcome app lists one's groups; the engine shows only groups the user may read.
      rule("GET|POST", "group"),
      rule("GET", "group/count"),
      rule("GET|POST", "identity/password-policy"),
      rule("GET", "engine"),
      rule("GET", "version"));

  private ConsultantEngineApi() {
  }

  static boolean permits(String method, String enginePath) {
    return ALLOWED.stream().anyMatch(rule -> rule.matches(method, enginePath));
  }

  /**
   * The path below the engine for a request to the engine REST API or the webapps' engine API, or
   * empty when the request goes elsewhere.
   */
  static Optional<String> enginePath(String normalisedPath, String webappPath) {
    String restRoot = "/engine-rest";
    if (normalisedPath.equals(restRoot) || normalisedPath.startsWith(restRoot + "/")) {
      return Optional.of(trim(normalisedPath.substring(restRoot.length())));
    }
    String webappRoot = webappPath + "/api/engine";
    if (normalisedPath.equals(webappRoot) || normalisedPath.startsWith(webappRoot + "/")) {
      String rest = trim(normalisedPath.substring(webappRoot.length()));
      // engine, or engine/{name}/…
      if (rest.equals("engine")) {
        return Optional.of("engine");
      }
      String[] parts = rest.split("/", 3);
      return Optional.of(parts.length == 3 && parts[0].equals("engine") ? parts[2] : rest);
    }
    return Optional.empty();
  }

  private static String trim(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static Rule rule(String methods, String path) {
    return new Rule(Pattern.compile(methods), Pattern.compile(path, Pattern.CASE_INSENSITIVE));
  }

  private record Rule(Pattern methods, Pattern path) {

    boolean matches(String method, String enginePath) {
      return methods.matcher(method).matches() && path.matcher(enginePath).matches();
    }
  }
}
