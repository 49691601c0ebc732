-- A price says what it is in: the ISO 4217 code of its currency (EUR, USD, JPY …), set with the
-- price, or none for an item without one. Every price before this was shown in euros, so that
-- is what they are in.
ALTER TABLE items ADD COLUMN currency TEXT
    CHECK (currency IS NULL OR (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'));
UPDATE items SET currency = 'EUR' WHERE price_cents IS NOT NULL;
