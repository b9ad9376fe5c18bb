CREATE TABLE customers_new(id INTEGER PRIMARY KEY, name TEXT, email TEXT);
INSERT INTO customers_new(id, name) SELECT id, name FROM customers WHERE id <> 3;
DROP TABLE customers;
ALTER TABLE customers_new RENAME TO customers;
