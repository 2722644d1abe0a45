CREATE TABLE accounts (id integer PRIMARY KEY, balance text);
CREATE TABLE audit (msg text);
CREATE TRIGGER accounts_insert AFTER INSERT ON accounts BEGIN INSERT INTO audit VALUES ('account ' || NEW.id); END;
CREATE TRIGGER audit_insert AFTER INSERT ON audit BEGIN UPDATE accounts SET balance = balance WHERE id = 0; END;
