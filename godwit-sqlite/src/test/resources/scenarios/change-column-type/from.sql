CREATE TABLE items (id integer PRIMARY KEY, price text, qty int);
CREATE INDEX items_qty ON items (qty);
