CREATE TABLE boxes (id integer PRIMARY KEY, w real, h real, area real AS (w * h), perimeter real AS (2 * (w + h)) STORED);
