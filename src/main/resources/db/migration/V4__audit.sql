-- The platform's own audit trail of sensitive actions (document download, access request, erasure,
-- CSV export): who did what to which subject, when. It names the subject (a reference, a document id,
-- an e-mail address's hash), never the data itself.
CREATE TABLE kkb_audit (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  action       VARCHAR(32)   NOT NULL,
  user_id      VARCHAR(128)  NOT NULL,
  subject      VARCHAR(200),
  detail       VARCHAR(1000),
  occurred_at  TIMESTAMP     NOT NULL
);
CREATE INDEX kkb_audit_occurred_at ON kkb_audit (occurred_at);
