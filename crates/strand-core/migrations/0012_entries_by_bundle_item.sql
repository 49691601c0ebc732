-- Entries were indexed by item alone, so keeping a bundle filed each of its entries at a random
-- place in one index shared by every bundle: with 900,000 entries kept, keeping 10,000 more
-- rewrote ~6,800 pages of it. Every question about an item is asked inside one bundle ("does
-- this bundle thread it?", "its items"), so the index leads with the bundle: a new bundle's
-- entries land side by side at its end.
DROP INDEX entries_by_item;
CREATE INDEX entries_by_bundle_item ON entries (bundle_id, item_id);
