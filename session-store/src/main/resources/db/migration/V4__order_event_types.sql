-- The order core's own name for each event (SUBMITTED, NEW, PARTIAL_FILL, ACKNOWLEDGED, ...), beside
-- the kind and ExecType people read: the journal replays orders by it. Null for events journaled
-- before it was kept. Two new kinds come with it: VENUE_ACK (the venue took a placement the client
-- already knew as New, or named its order id late) and TIMEOUT (a reloaded policy changed a timeout).

ALTER TABLE order_events
    ADD COLUMN event_type text;
