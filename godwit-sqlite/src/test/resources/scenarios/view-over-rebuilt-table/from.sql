CREATE TABLE orders (id integer PRIMARY KEY, total text, note text);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE VIEW big_order_ids AS SELECT id FROM big_orders;
CREATE TABLE customers (id integer PRIMARY KEY);
CREATE VIEW everything AS SELECT o.id FROM orders o JOIN customers c ON c.id = o.id;
