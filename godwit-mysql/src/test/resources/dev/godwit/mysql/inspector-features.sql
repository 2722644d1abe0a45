-- What the MySQL inspector reads, in one schema: every kind of column, key, index, check, view, trigger and routine.
CREATE TABLE account (
    id         int unsigned NOT NULL AUTO_INCREMENT,
    email      varchar(120) COLLATE utf8mb4_bin NOT NULL COMMENT 'where we write',
    handle     varchar(40) NOT NULL DEFAULT 'it''s me',
    balance    decimal(12,2) DEFAULT 0,
    ratio      double(8,3),
    flags      bit(3) DEFAULT b'101',
    mood       enum('sad','ok','happy') NOT NULL DEFAULT 'ok',
    created    timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
    born       date DEFAULT (curdate()),
    email_lower varchar(120) GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    score      int GENERATED ALWAYS AS (balance * 2) STORED,
    bio        text,
    location   point NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY account_email (email),
    KEY account_handle_bio (handle, bio(20) DESC) COMMENT 'lookup',
    FULLTEXT KEY account_bio (bio),
    SPATIAL KEY account_location (location),
    CONSTRAINT balance_not_negative CHECK (balance >= 0)
) ENGINE = InnoDB COMMENT = 'people';

CREATE TABLE ledger (
    id         bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id int unsigned,
    amount     decimal(12,2) NOT NULL,
    CONSTRAINT ledger_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE SET NULL
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC;

CREATE TABLE scratch (note varchar(10)) ENGINE = MyISAM DEFAULT CHARSET = latin1;

CREATE VIEW rich AS SELECT id, email FROM account WHERE balance > 1000 WITH CHECK OPTION;
CREATE SQL SECURITY INVOKER VIEW rich_ledger AS SELECT r.id, l.amount FROM rich r JOIN ledger l ON l.account_id = r.id;

DELIMITER //
CREATE TRIGGER ledger_touch BEFORE INSERT ON ledger FOR EACH ROW
BEGIN
    IF NEW.amount < 0 THEN
        SET NEW.amount = 0; -- no debts
    END IF;
END//
DELIMITER ;

CREATE PROCEDURE credit(IN who int unsigned, IN how_much decimal(12,2))
    COMMENT 'adds money'
    MODIFIES SQL DATA
BEGIN
    INSERT INTO ledger (account_id, amount) VALUES (who, how_much);
END;

CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC NO SQL RETURN x * 2;

CREATE TABLE godwit_history (id int);
