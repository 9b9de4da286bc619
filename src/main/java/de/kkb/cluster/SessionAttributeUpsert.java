package de.kkb.cluster;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Writes a session attribute as insert-or-update. The webapps send several requests at once, and
 * each may add the same attribute to a session that lacks it (Camunda's CSRF token after the login
 * renewed the session); Spring Session's plain INSERT then fails all but the first with a duplicate
 * key, an error 500 for the others. The statements are PostgreSQL's and H2's own upserts.
 */
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

  static final String POSTGRESQL = """
      INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      VALUES (?, ?, ?)
      ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
      DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
      """;
  static final String H2 = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
      VALUES (?, ?, ?)
      """;

  private final DataSourceProperties dataSource;

  SessionAttributeUpsert(DataSourceProperties dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void customize(JdbcIndexedSessionRepository repository) {
    String url = dataSource == null ? null : dataSource.determineUrl();
    if (url == null) {
      return;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      repository.setCreateSessionAttributeQuery(POSTGRESQL);
    } else if (url.startsWith("jdbc:h2:")) {
      repository.setCreateSessionAttributeQuery(H2);
    }
  }
}
