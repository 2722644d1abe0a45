CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL, note varchar(20));
CREATE VIEW rich AS SELECT id, balance FROM account WHERE balance > 1000;
CREATE VIEW rich_ids AS SELECT id FROM rich;
CREATE MATERIALIZED VIEW totals AS SELECT sum(balance) AS total FROM account;
CREATE INDEX totals_total ON totals (total);
