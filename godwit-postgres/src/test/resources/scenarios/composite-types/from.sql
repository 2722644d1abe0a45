CREATE TYPE money_amount AS (amount numeric, currency char(3));
