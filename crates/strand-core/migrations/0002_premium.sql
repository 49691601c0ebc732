-- The facts the tier is derived from (activated licence tokens, the one-time trial) and the
-- local, consent-gated funnel. There is deliberately no "tier" or "premium" column: the tier is
-- computed from verified facts on every check.

CREATE TABLE licences (
    licence_id   TEXT PRIMARY KEY,
    token        TEXT NOT NULL,
    activated_at TEXT NOT NULL
) STRICT;

CREATE TABLE trial (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    started_at TEXT NOT NULL
) STRICT;

CREATE TABLE funnel_events (
    id   INTEGER PRIMARY KEY,
    step TEXT NOT NULL CHECK (step IN ('draft_started', 'keep_attempted', 'paywall_shown',
                                       'trial_started', 'licence_activated', 'kept')),
    at   TEXT NOT NULL
) STRICT;
