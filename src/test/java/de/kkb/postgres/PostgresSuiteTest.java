package de.kkb.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.HttpSession;
import de.kkb.support.PostgresDatabases;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform in the "postgres" profile against the local PostgreSQL server. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresSuiteTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresDatabases.fresh("kkb_suite");
    registry.add("KKB_DB_URL", () -> url);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;

  @Test
  void theEngineRunsOnPostgres() throws Exception {
    assertThat(engineConfiguration.getDatabaseType()).isEqualTo("postgres");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getCatalog()).isEqualTo("kkb_suite");
    }
  }

  @Test
  void schemaModelsAndIdentityAreThere() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Intervention")
        .count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(5);
    assertThat(identityService.createUserQuery().memberOfGroup("consultants-k3b").count())
        .isEqualTo(2);
  }

  @Test
  void restApiIsSecuredOnPostgresToo() throws Exception {
    assertThat(new HttpSession(port).get("/engine-rest/process-definition").statusCode())
        .isEqualTo(401);
    String id = runtimeService.startProcessInstanceByKey("Intervention", "KKB-PG-001",
        Map.of("carrierGroup", "consultants-forumzfd", "plannedDate", "2030-03-01")).getId();
    try {
      HttpResponse<String> admin =
          new HttpSession(port).basic("demo", "demo").get("/engine-rest/process-instance");
      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(admin.body()).findValuesAsText("id")).contains(id);
      HttpResponse<String> anna =
          new HttpSession(port).basic("k3b-anna", "demo").get("/engine-rest/process-instance");
      assertThat(JSON.readTree(anna.body())).isEmpty();
      assertThat(new HttpSession(port).basic("demo", "demo").postJson("/engine-rest/task",
          "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}").statusCode())
          .isEqualTo(400);
    } finally {
      runtimeService.deleteProcessInstance(id, "test cleanup");
    }
  }

  @Test
  void healthIsUp() {
    HttpResponse<String> health = new HttpSession(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
