package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot run here (no Docker engine), so this test holds it in step with what is tested:
 * the app service uses the tested profiles and only the variables the configuration reads.
 */
class DockerComposeConsistencyTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(KKB_[A-Z_]+)");

  @Test
  @SuppressWarnings("unchecked")
  void composeUsesTheTestedPostgresConfiguration() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> app = (Map<String, Object>) services.get("app");
    Map<String, Object> db = (Map<String, Object>) services.get("db");
    assertThat(services).containsKeys("db", "app", "mail");

    Map<String, String> appEnv = (Map<String, String>) app.get("environment");
    assertThat(appEnv.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres,prod");

    Set<String> readByConfiguration = placeholders("application-postgres.yaml");
    readByConfiguration.addAll(placeholders("application-prod.yaml"));
    Set<String> kkbVariables = new HashSet<>(appEnv.keySet());
    kkbVariables.removeIf(name -> !name.startsWith("KKB_"));
    assertThat(readByConfiguration).as("variables the configuration reads")
        .containsAll(kkbVariables)
        .contains("KKB_DB_URL", "KKB_DB_USER", "KKB_DB_PASSWORD", "KKB_ADMIN_ID", "KKB_ADMIN_PASSWORD");
    assertThat(appEnv).containsKeys("KKB_DB_URL", "KKB_DB_USER", "KKB_DB_PASSWORD", "KKB_ADMIN_ID",
        "KKB_ADMIN_PASSWORD");

    Map<String, String> dbEnv = (Map<String, String>) db.get("environment");
    assertThat(appEnv.get("KKB_DB_URL"))
        .isEqualTo("jdbc:postgresql://db:5432/" + dbEnv.get("POSTGRES_DB"));
    assertThat(appEnv.get("KKB_DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
    assertThat(appEnv.get("KKB_DB_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
    assertThat((String) db.get("image")).matches("postgres:1[5-9].*");
  }

  @Test
  void dockerfileCopiesTheJarThisBuildProduces() throws IOException {
    String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
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
