-- Documents an applicant hands in while the request waits for missing documents. The id is random
-- (not guessable); the content is stored here, in the platform's database, never on disk.
-- BYTEA is PostgreSQL's binary string and an alias of H2's BINARY VARYING (up to 1 GB).
CREATE TABLE kkb_document (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  reference    VARCHAR(20)   NOT NULL,
  file_name    VARCHAR(255)  NOT NULL,
  media_type   VARCHAR(100)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  content      BYTEA         NOT NULL,
  uploaded_at  TIMESTAMP     NOT NULL
);
CREATE INDEX kkb_document_reference ON kkb_document (reference);
