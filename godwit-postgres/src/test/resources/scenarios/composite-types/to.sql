CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3), rate numeric);
CREATE TYPE span AS (lo int, hi int);
COMMENT ON TYPE span IS 'a closed range';
