-- The history table; {table} is replaced by the quoted, possibly schema-qualified name.
CREATE TABLE IF NOT EXISTS {table} (
    seq            INTEGER       NOT NULL,
    id             VARCHAR(255)  NOT NULL PRIMARY KEY,
    description    VARCHAR(500)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    script         VARCHAR(1000) NOT NULL,
    checksum       CHAR(64)      NOT NULL,
    sql_checksum   CHAR(64)      NOT NULL,
    down_sql       TEXT,
    in_transaction BOOLEAN       NOT NULL,
    applied_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    applied_by     VARCHAR(255)  NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    success        BOOLEAN       NOT NULL,
    godwit_version VARCHAR(50)   NOT NULL
)
