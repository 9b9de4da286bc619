-- A notice is marked SENDING (its attempt counted) in a transaction of its own before the mail
-- server is contacted, and SENT in another right after: attempted_at says when the last try began.
-- A row that stays SENDING belongs to a try that was cut off (a node died, the database went away):
-- the mail may have gone out; the retry sends it again with the same Message-ID.
ALTER TABLE kkb_notification ADD COLUMN attempted_at TIMESTAMP;
