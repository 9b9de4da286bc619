-- Every notification, with a stable id: a retried or repeated job finds it here and never sends
-- twice what is marked SENT (or LOGGED, when no mail server is configured).
CREATE TABLE kkb_notification (
  id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  template       VARCHAR(64)   NOT NULL,
  recipient      VARCHAR(254)  NOT NULL,
  business_key   VARCHAR(64),
  subject        VARCHAR(300)  NOT NULL,
  body_text      VARCHAR(65535) NOT NULL,
  body_html      VARCHAR(65535) NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  attempts       INT           NOT NULL,
  created_at     TIMESTAMP     NOT NULL,
  sent_at        TIMESTAMP,
  last_error     VARCHAR(1000)
);
CREATE INDEX kkb_notification_business_key ON kkb_notification (business_key);
