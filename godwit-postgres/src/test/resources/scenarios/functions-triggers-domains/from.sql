CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TABLE item (id int PRIMARY KEY, qty positive, updated timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
