-- Consultation requests of a programme round: one row per request, for references, the one-open-request-
-- per-municipality rule and the status lookup. open_ags is the AGS while the request is open and NULL
-- afterwards, so that the unique constraint covers open requests only (NULLs never collide).
CREATE TABLE kkb_request (
  reference          VARCHAR(20)  NOT NULL PRIMARY KEY,
  ref_year           INT          NOT NULL,
  ref_number         INT          NOT NULL,
  round_start        DATE         NOT NULL,
  ags                VARCHAR(8)   NOT NULL,
  open_ags           VARCHAR(8),
  municipality_name  VARCHAR(120) NOT NULL,
  access_token_hash  VARCHAR(64)  NOT NULL,
  created_at         TIMESTAMP    NOT NULL,
  CONSTRAINT kkb_request_one_open_per_municipality UNIQUE (round_start, open_ags),
  CONSTRAINT kkb_request_number UNIQUE (ref_year, ref_number)
);

-- The round's places. A selection locks the round's row, counts the places taken and takes the next,
-- so that concurrent selections never exceed the capacity.
CREATE TABLE kkb_round (
  round_start  DATE NOT NULL PRIMARY KEY,
  capacity     INT  NOT NULL
);

CREATE TABLE kkb_place (
  round_start  DATE        NOT NULL REFERENCES kkb_round (round_start),
  reference    VARCHAR(20) NOT NULL,
  carrier_group VARCHAR(64) NOT NULL,
  taken_at     TIMESTAMP   NOT NULL,
  PRIMARY KEY (round_start, reference)
);
