package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot run here (no Docker engine), so this test holds it in step with what is tested:
 * every platform node uses the tested profiles, the same environment and only the variables the
 * configuration reads; the proxy sends to every node and passes the client's address; health checks
 * gate the start; the nodes' connection pools fit the database.
 */
class DockerComposeConsistencyTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(KKB_[A-Z_]+)");
  private static final String DOCKERFILE = "docker/Dockerfile";

  Map<String, Object> services;
  Map<String, Map<String, Object>> nodes;
  String nginx;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void read() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    services = (Map<String, Object>) compose.get("services");
    nodes = new LinkedHashMap<>();
    services.forEach((name, service) -> {
      Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) service).get("build");
      if (build != null && DOCKERFILE.equals(build.get("dockerfile"))) {
        nodes.put(name, (Map<String, Object>) service);
      }
    });
    nginx = Files.readString(Path.of("docker/nginx.conf"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyNodeUsesTheTestedPostgresConfiguration() throws IOException {
    assertThat(services).containsKeys("db", "mail", "proxy");
    assertThat(nodes).as("platform nodes built from " + DOCKERFILE).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> db = (Map<String, Object>) services.get("db");
    Map<String, String> dbEnv = (Map<String, String>) db.get("environment");
    Set<String> readByConfiguration = placeholders("application-postgres.yaml");
    readByConfiguration.addAll(placeholders("application-prod.yaml"));

    Map<String, String> first = null;
    for (var node : nodes.entrySet()) {
      Map<String, String> env = (Map<String, String>) node.getValue().get("environment");
      if (first == null) {
        first = env;
      }
      assertThat(env).as("environment of %s, the same on every node", node.getKey()).isEqualTo(first);
      assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres,prod");
      Set<String> kkbVariables = new HashSet<>(env.keySet());
      kkbVariables.removeIf(name -> !name.startsWith("KKB_"));
      assertThat(readByConfiguration).as("variables the configuration reads")
          .containsAll(kkbVariables)
          .contains("KKB_DB_URL", "KKB_DB_USER", "KKB_DB_PASSWORD", "KKB_ADMIN_ID", "KKB_ADMIN_PASSWORD");
      assertThat(env).containsKeys("KKB_DB_URL", "KKB_DB_USER", "KKB_DB_PASSWORD", "KKB_ADMIN_ID",
          "KKB_ADMIN_PASSWORD");
      assertThat(env.get("KKB_DB_URL")).isEqualTo("jdbc:postgresql://db:5432/" + dbEnv.get("POSTGRES_DB"));
      assertThat(env.get("KKB_DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
      assertThat(env.get("KKB_DB_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
      // Behind the proxy: the client's address for the intake's limit, its scheme for links.
      assertThat(env.get("SERVER_FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
      assertThat(node.getValue()).as("only the proxy is published").doesNotContainKey("ports");
    }
    assertThat((String) db.get("image")).matches("postgres:1[5-9].*");
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthChecksGateTheStart() {
    assertThat((Map<String, Object>) ((Map<String, Object>) services.get("db")).get("healthcheck"))
        .containsKey("test");
    Map<String, Object> proxyDependsOn =
        (Map<String, Object>) ((Map<String, Object>) services.get("proxy")).get("depends_on");
    for (var node : nodes.entrySet()) {
      Map<String, Object> health = (Map<String, Object>) node.getValue().get("healthcheck");
      assertThat(health).as("health check of %s", node.getKey()).isNotNull();
      assertThat(String.join(" ", (List<String>) health.get("test")))
          .contains("127.0.0.1/8080").contains("/actuator/health").contains("UP");
      Map<String, Object> dependsOn = (Map<String, Object>) node.getValue().get("depends_on");
      assertThat((Map<String, Object>) dependsOn.get("db")).containsEntry("condition", "service_healthy");
      assertThat(proxyDependsOn).as("the proxy waits for %s", node.getKey()).containsKey(node.getKey());
      assertThat((Map<String, Object>) proxyDependsOn.get(node.getKey()))
          .containsEntry("condition", "service_healthy");
    }
    assertThat((Map<String, Object>) ((Map<String, Object>) services.get("proxy")).get("healthcheck"))
        .containsKey("test");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProxySpreadsOverEveryNodeAndPassesTheClient() throws IOException {
    Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
    assertThat((List<String>) proxy.get("volumes")).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
    assertThat((List<String>) proxy.get("ports")).containsExactly("8080:8080");

    Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(nginx);
    assertThat(upstream.find()).as("an upstream block").isTrue();
    List<String> servers = new ArrayList<>();
    Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+:\\d+)").matcher(upstream.group(2));
    while (server.find()) {
      servers.add(server.group(1));
    }
    assertThat(servers).as("upstream servers").containsExactlyInAnyOrderElementsOf(
        nodes.keySet().stream().map(name -> name + ":8080").toList());
    assertThat(upstream.group(2)).as("round robin, no sticky sessions")
        .doesNotContain("ip_hash").doesNotContain("hash ").doesNotContain("sticky").doesNotContain("least_conn");
    assertThat(nginx).contains("proxy_pass http://" + upstream.group(1) + ";")
        .contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
        .contains("proxy_set_header X-Forwarded-Proto $scheme;")
        .contains("proxy_set_header X-Forwarded-Host ")
        .contains("proxy_set_header X-Forwarded-Port ")
        .doesNotContain("non_idempotent");

    Matcher bodySize = Pattern.compile("client_max_body_size\\s+(\\d+)m;").matcher(nginx);
    assertThat(bodySize.find()).isTrue();
    Matcher platformLimit = Pattern.compile("max-request-size:\\s*(\\S+)")
        .matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
    assertThat(platformLimit.find()).isTrue();
    assertThat(DataSize.ofMegabytes(Long.parseLong(bodySize.group(1))))
        .as("the proxy takes every upload the platform takes")
        .isGreaterThanOrEqualTo(DataSize.parse(platformLimit.group(1)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNodesConnectionPoolsFitTheDatabase() throws IOException {
    Map<String, Object> postgres = new Yaml().load(Files.readString(Path.of("src/main/resources/application-postgres.yaml")));
    Map<String, Object> hikari = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) postgres
        .get("spring")).get("datasource")).get("hikari");
    int poolPerNode = (Integer) hikari.get("maximum-pool-size");
    List<String> command = (List<String>) ((Map<String, Object>) services.get("db")).get("command");
    int maxConnections = command.stream().filter(arg -> arg.startsWith("max_connections="))
        .map(arg -> Integer.parseInt(arg.substring("max_connections=".length()))).findFirst().orElseThrow();
    // PostgreSQL keeps 3 for superusers; 10 more for psql, backups and a node being replaced.
    assertThat(nodes.size() * poolPerNode + 3 + 10).isLessThanOrEqualTo(maxConnections);
    assertThat((Integer) hikari.get("connection-timeout")).isGreaterThan((Integer) hikari.get("validation-timeout"));
  }

  @Test
  void dockerfileCopiesTheJarThisBuildProduces() throws IOException {
    String dockerfile = Files.readString(Path.of(DOCKERFILE));
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher artifact = Pattern.compile("<artifactId>(kkb-[a-z-]+)</artifactId>").matcher(pom);
    assertThat(artifact.find()).isTrue();
    assertThat(dockerfile).contains("COPY target/" + artifact.group(1) + "-*.jar")
        .contains("FROM eclipse-temurin:17");
  }

  private static Set<String> placeholders(String resource) throws IOException {
    String yaml = Files.readString(Path.of("src/main/resources", resource));
    Set<String> names = new HashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(yaml);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
