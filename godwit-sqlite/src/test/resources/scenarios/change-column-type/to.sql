CREATE TABLE items (id integer PRIMARY KEY, price numeric(10, 2) NOT NULL DEFAULT 0, qty int);
CREATE INDEX items_qty ON items (qty);
