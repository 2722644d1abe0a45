CREATE TABLE customer (id int PRIMARY KEY, full_name text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer (id));
