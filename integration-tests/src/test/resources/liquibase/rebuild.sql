--liquibase formatted sql

--changeset app:1
CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE, amount INTEGER);
WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 10) INSERT INTO customers SELECT v, 'customer ' || v FROM n;
WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 50) INSERT INTO orders SELECT v, v % 10 + 1, v * 10 FROM n;

--changeset app:2
CREATE TABLE customers_new(id INTEGER PRIMARY KEY, name TEXT, email TEXT);
INSERT INTO customers_new(id, name) SELECT id, name FROM customers;
DROP TABLE customers;
ALTER TABLE customers_new RENAME TO customers;
