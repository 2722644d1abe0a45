-- The history table; {table} is replaced by the quoted, possibly database-qualified name. InnoDB, whatever the
-- server's default engine: the history row of a migration that only changes data commits or rolls back with it.
-- TIMESTAMP(3) is stored in UTC and shown in the session's time zone, which the dialect sets to UTC.
CREATE TABLE IF NOT EXISTS {table} (
    seq            INT           NOT NULL,
    id             VARCHAR(255)  NOT NULL PRIMARY KEY,
    description    VARCHAR(500)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    script         VARCHAR(1000) NOT NULL,
    checksum       CHAR(64)      NOT NULL,
    sql_checksum   CHAR(64)      NOT NULL,
    down_sql       LONGTEXT,
    in_transaction BOOLEAN       NOT NULL,
    applied_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_by     VARCHAR(255)  NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    success        BOOLEAN       NOT NULL,
    godwit_version VARCHAR(50)   NOT NULL
) ENGINE = InnoDB
