-- The demo's switch to a paying tier is a funnel step of its own, so a paywall passed by it
-- does not seem to lead to a keep without a trial or a licence. A CHECK cannot be altered in
-- SQLite: the table is made again with the new step allowed, its rows kept.
CREATE TABLE funnel_events_next (
    id   INTEGER PRIMARY KEY,
    step TEXT NOT NULL CHECK (step IN ('draft_started', 'keep_attempted', 'paywall_shown',
                                       'trial_started', 'licence_activated', 'demo_upgraded',
                                       'kept')),
    at   TEXT NOT NULL
) STRICT;
INSERT INTO funnel_events_next (id, step, at) SELECT id, step, at FROM funnel_events;
DROP TABLE funnel_events;
ALTER TABLE funnel_events_next RENAME TO funnel_events;
