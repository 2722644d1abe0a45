CREATE DOMAIN positive AS int DEFAULT 1 NOT NULL CHECK (VALUE > 0) CHECK (VALUE < 1000000);
CREATE TABLE item (id int PRIMARY KEY, qty positive, updated timestamptz, price numeric CHECK (price >= 0));
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := clock_timestamp(); RETURN NEW; END $$;
CREATE FUNCTION item_total(i item) RETURNS numeric LANGUAGE sql AS $$ SELECT i.qty * i.price $$;
CREATE TRIGGER item_touch BEFORE INSERT OR UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
