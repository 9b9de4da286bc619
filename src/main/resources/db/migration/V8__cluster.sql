-- Several nodes on one database (docs/operations.md, "Mehrere Knoten"). Plain SQL that H2 and
-- PostgreSQL both accept (H2 reads BYTEA as BINARY VARYING).

-- Servlet sessions (Spring Session JDBC), so a webapp login holds on every node. The tables are
-- Spring Session 3.5's schema; Flyway creates them once, not spring.session.jdbc.initialize-schema,
-- which two nodes starting together would race.
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID CHAR(36) NOT NULL,
  SESSION_ID CHAR(36) NOT NULL,
  CREATION_TIME BIGINT NOT NULL,
  LAST_ACCESS_TIME BIGINT NOT NULL,
  MAX_INACTIVE_INTERVAL INT NOT NULL,
  EXPIRY_TIME BIGINT NOT NULL,
  PRINCIPAL_NAME VARCHAR(100),
  CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36) NOT NULL,
  ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES BYTEA NOT NULL,
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
    REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- The intake's token buckets per client address (Bucket4j's PostgreSQL backend; unused on H2,
-- where one node keeps them in memory). expires_at: epoch milliseconds after which the row may go.
CREATE TABLE kkb_rate_limit_bucket (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);

-- Failed logins per user id (de.kkb.security.LoginThrottle), on every profile. Times are epoch
-- milliseconds of the engine clock.
CREATE TABLE kkb_login_failure (
  login_key VARCHAR(200) NOT NULL PRIMARY KEY,
  failures INT NOT NULL,
  first_failure BIGINT NOT NULL,
  locked_until BIGINT
);
CREATE INDEX kkb_login_failure_locked ON kkb_login_failure (locked_until);
