-- godwit:rename customer=client
-- godwit:rename client.full_name=name
CREATE TABLE client (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES client (id));
