-- What the PostgreSQL inspector must read that the corpus schemas do not show.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE EXTENSION citext WITH SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TABLE app.account (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY,
    email varchar(120) COLLATE "C" NOT NULL,
    handle app.citext,
    balance numeric(12, 2) DEFAULT 0 NOT NULL,
    tags text[],
    grid integer[][],
    created timestamp(3) with time zone DEFAULT now(),
    email_lower text GENERATED ALWAYS AS (lower(email)) STORED,
    mood app.mood DEFAULT 'ok',
    score app.positive,
    CONSTRAINT account_email_key UNIQUE (email) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT balance_not_negative CHECK (balance >= 0)
);
COMMENT ON TABLE app.account IS 'people';
COMMENT ON COLUMN app.account.email IS 'where we write';
CREATE INDEX account_lower_email_idx ON app.account (lower(email) DESC NULLS LAST, created)
    INCLUDE (balance) WHERE balance > 0;
CREATE TABLE app.ledger (
    id serial PRIMARY KEY,
    account_id bigint,
    CONSTRAINT ledger_account_fk FOREIGN KEY (account_id) REFERENCES app.account (id)
        MATCH FULL ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE
);
CREATE UNLOGGED TABLE app.scratch (x integer);
CREATE TABLE app.event (day date NOT NULL, id integer) PARTITION BY RANGE (day);
CREATE TABLE app.event_2024 PARTITION OF app.event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.event_rest PARTITION OF app.event DEFAULT;
CREATE INDEX event_day_idx ON app.event (day);
CREATE VIEW app.rich AS SELECT id, email FROM app.account WHERE balance > 1000;
CREATE VIEW app.rich_moods AS SELECT r.id, a.mood FROM app.rich r JOIN app.account a USING (id);
CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n FROM app.ledger;
CREATE UNIQUE INDEX totals_n_idx ON app.totals (n);
CREATE SEQUENCE app.ticket_seq AS integer INCREMENT BY 5 START WITH 100;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE app.noop(n integer) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER account_touch BEFORE UPDATE ON app.account FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE TABLE app.godwit_history (id integer);
CREATE TABLE app.booking (during int4range, EXCLUDE USING gist (during WITH &&));
