-- The latest system time Strand saw on each day it ran (UTC), one row per day. With the times
-- written on kept data, it is the evidence licence and trial validity are judged against, so a
-- clock set back gains nothing; being many rows, deleting one (as meta's single 'last_seen'
-- could be) does not reset it. Times are RFC 3339 text, as in meta before.
CREATE TABLE days_seen (
    day    TEXT PRIMARY KEY,
    latest TEXT NOT NULL
) STRICT;
INSERT INTO days_seen (day, latest)
    SELECT substr(value, 1, 10), value FROM meta WHERE key = 'last_seen';
DELETE FROM meta WHERE key = 'last_seen';
