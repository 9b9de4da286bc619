package de.kkb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import de.kkb.identity.KkbGroups;
import de.kkb.platform.ProcessResourceDeployer;
import de.kkb.support.PlatformNodes;
import de.kkb.support.PostgresDatabases;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Three nodes started in the same moment on a fresh PostgreSQL database all come up, and the
 * start-up work is done once: one deployment, one version of every model, one programme round,
 * every group, grant and Tasklist filter once, Flyway's history without a failure. Five times, each
 * on a fresh database; once in the production combination.
 */
@Tag("postgres")
class ClusterStartupTest {

  static final int NODES = 3;
  /** ProgrammeRoundStarter's and ProcessResourceDeployer's log lines when they did something. */
  static final Pattern ROUND_STARTED = Pattern.compile("Programme round \\S+ started");
  static final Pattern NEW_DEFINITIONS = Pattern.compile("Deployment 'kkb-processes' .*, [1-9][0-9]* new process definitions");

  @ParameterizedTest(name = "round {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void threeNodesStartingTogetherOnAFreshDatabaseDoTheStartUpWorkOnce(int round) {
    String url = PostgresDatabases.fresh("kkb_cluster_start");
    List<String> profiles = round == 5 ? List.of("postgres", "prod") : List.of("postgres");
    List<String> properties = round == 5
        ? List.of("kkb.identity.admin.id=betrieb", "kkb.identity.admin.password=Konflikt-Beratung!2025")
        : List.of();
    try (PlatformNodes cluster = PlatformNodes.start("cluster-start-" + round, NODES, url, profiles,
        properties)) {
      assertThat(cluster.nodes()).hasSize(NODES);
      // Every node took the lock in turn; exactly one found the database empty and deployed.
      assertThat(cluster.nodes()).allSatisfy(node ->
          assertThat(node.logText()).contains("Start-up lock held", "Start-up lock released"));
      assertThat(cluster.nodes()).filteredOn(node -> ROUND_STARTED.matcher(node.logText()).find())
          .as("nodes that started the programme round").hasSize(1);
      assertThat(cluster.nodes())
          .filteredOn(node -> NEW_DEFINITIONS.matcher(node.logText()).find())
          .as("nodes that deployed new process definitions").hasSize(1);

      SingleConnectionDataSource connection = new SingleConnectionDataSource(url, PostgresDatabases.USER,
          PostgresDatabases.PASSWORD, true);
      JdbcTemplate db = new JdbcTemplate(connection);
      assertThat(db.queryForObject("SELECT COUNT(*) FROM act_re_deployment WHERE name_ = ?",
          Integer.class, ProcessResourceDeployer.DEPLOYMENT_NAME)).as("deployments").isEqualTo(1);
      assertThat(db.queryForList("SELECT key_, COUNT(*) AS versions FROM act_re_procdef GROUP BY key_"))
          .as("process definitions").isNotEmpty()
          .allSatisfy(row -> assertThat(((Number) row.get("versions")).intValue()).as(row.get("key_").toString())
              .isEqualTo(1));
      assertThat(db.queryForList("SELECT key_, COUNT(*) AS versions FROM act_re_decision_def GROUP BY key_"))
          .allSatisfy(row -> assertThat(((Number) row.get("versions")).intValue()).isEqualTo(1));
      assertThat(db.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = ?",
          Integer.class, ProgrammeRoundProcess.KEY)).as("programme rounds").isEqualTo(1);
      assertThat(db.queryForObject("SELECT COUNT(*) FROM kkb_round", Integer.class)).isEqualTo(1);
      assertThat(db.queryForList("SELECT id_ FROM act_id_group", String.class))
          .contains(KkbGroups.PROGRAMME_MANAGEMENT, KkbGroups.ADMINS, KkbGroups.CONSULTANTS_FORUMZFD)
          .doesNotHaveDuplicates();
      List<String> filters = db.queryForList("SELECT name_ FROM act_ru_filter", String.class);
      assertThat(filters).hasSize(5).doesNotHaveDuplicates();
      assertThat(db.queryForList("SELECT COALESCE(user_id_, '') AS u, COALESCE(group_id_, '') AS g, "
              + "resource_type_, resource_id_, COUNT(*) AS n FROM act_ru_authorization "
              + "GROUP BY user_id_, group_id_, resource_type_, resource_id_ HAVING COUNT(*) > 1"))
          .as("grants given twice").isEmpty();
      assertThat(db.queryForList("SELECT version FROM flyway_schema_history WHERE NOT success", String.class))
          .as("failed migrations").isEmpty();
      assertThat(db.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL",
          String.class)).doesNotHaveDuplicates().contains("8");
      assertThat(db.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE 'kkb_auth_perms_%'",
          Integer.class)).as("statistics").isEqualTo(2);
      if (round == 5) {
        assertThat(db.queryForList("SELECT id_ FROM act_id_user", String.class)).containsExactly("betrieb");
      }
      connection.destroy();
    }
  }
}
