-- The order journal copied into PostgreSQL: every event, each order's latest state, every fill, and
-- how far the copy has come. Rows are keyed by where their event sits in the journal, so feeding the
-- same part of the journal again changes nothing.
--
-- journal_id is the journal's identity: when its first recording started, epoch milliseconds (the
-- same value OrderIDs derive from). Recording ids and order keys start again in a new journal (the
-- data directory removed), so on their own they could meet rows of an earlier journal.
-- Prices and quantities are exact decimals of the journal's 8-decimal fixed-point values.

CREATE TABLE order_events
(
    journal_id       bigint        NOT NULL,
    recording_id     bigint        NOT NULL, -- the archive recording of the gateway run that journaled it
    journal_position bigint        NOT NULL, -- where the event ends in its recording
    kind             text          NOT NULL, -- REPORT, VENUE_SUBMIT, VENUE_CANCEL, VENUE_AMEND, VENUE_QUERY, CANCEL_REJECT
    exec_type        char(1),                -- ExecType (150) of a REPORT: 0 New, F Trade, 4 Canceled, ...
    order_key        bigint        NOT NULL, -- the gateway's order key; OrderID (37) ends with it
    session_id       bigint        NOT NULL, -- the FIX session (the engine's session id) the order came from
    cl_ord_id        text,                   -- ClOrdID (11) of the report or request
    orig_cl_ord_id   text,                   -- OrigClOrdID (41)
    symbol           text          NOT NULL,
    venue            text          NOT NULL,
    side             text          NOT NULL, -- BUY, SELL
    ord_type         text          NOT NULL, -- MARKET, LIMIT, STOP, ...
    time_in_force    text          NOT NULL,
    post_only        boolean       NOT NULL,
    state            text          NOT NULL, -- the order's state right after the event
    order_qty        numeric(38, 8) NOT NULL,
    price            numeric(38, 8),         -- null when the order has none
    stop_px          numeric(38, 8),
    cum_qty          numeric(38, 8) NOT NULL,
    avg_px           numeric(38, 8) NOT NULL,
    last_qty         numeric(38, 8),         -- a fill's LastQty (32) and LastPx (31); null otherwise
    last_px          numeric(38, 8),
    exec_id          bigint,                 -- the number in ExecID (17) of a report
    venue_order_id   text,
    placement        integer       NOT NULL, -- the venue placement (its client order id derives from it)
    expire_time      timestamptz,            -- GTD ExpireTime or Day cut-off
    deadline         timestamptz,            -- the earliest of the order's deadlines
    created_time     timestamptz   NOT NULL, -- when the gateway accepted the order
    text             text,
    event_time       timestamptz   NOT NULL, -- when the event was journaled
    event_time_nanos bigint        NOT NULL, -- the same in epoch nanoseconds, as the journal has it
    PRIMARY KEY (journal_id, recording_id, journal_position)
);

CREATE INDEX order_events_by_cl_ord_id ON order_events (cl_ord_id);
CREATE INDEX order_events_by_orig_cl_ord_id ON order_events (orig_cl_ord_id) WHERE orig_cl_ord_id IS NOT NULL;
CREATE INDEX order_events_by_order ON order_events (journal_id, order_key, recording_id, journal_position);
CREATE INDEX order_events_by_session_time ON order_events (session_id, event_time);

-- Each order as its latest event left it. An event only replaces the row when it comes later in the
-- journal than the one the row holds, so feeding an older part again never takes an order back.
CREATE TABLE orders
(
    journal_id       bigint        NOT NULL,
    order_key        bigint        NOT NULL,
    session_id       bigint        NOT NULL,
    cl_ord_id        text,                   -- the ClOrdID the order is known by now (the latest replace's)
    symbol           text          NOT NULL,
    venue            text          NOT NULL,
    side             text          NOT NULL,
    ord_type         text          NOT NULL,
    time_in_force    text          NOT NULL,
    post_only        boolean       NOT NULL,
    state            text          NOT NULL,
    order_qty        numeric(38, 8) NOT NULL,
    price            numeric(38, 8),
    stop_px          numeric(38, 8),
    cum_qty          numeric(38, 8) NOT NULL,
    avg_px           numeric(38, 8) NOT NULL,
    venue_order_id   text,
    placement        integer       NOT NULL,
    expire_time      timestamptz,
    created_time     timestamptz   NOT NULL,
    last_kind        text          NOT NULL, -- the latest event's kind and ExecType
    last_exec_type   char(1),
    updated_time     timestamptz   NOT NULL, -- when the latest event was journaled
    recording_id     bigint        NOT NULL, -- where the latest event is in the journal
    journal_position bigint        NOT NULL,
    PRIMARY KEY (journal_id, order_key)
);

CREATE INDEX orders_by_cl_ord_id ON orders (cl_ord_id);
CREATE INDEX orders_open ON orders (session_id, created_time)
    WHERE state NOT IN ('FILLED', 'CANCELED', 'REJECTED', 'EXPIRED');

-- One row per fill: each report whose ExecType (150) is F (Trade).
CREATE TABLE executions
(
    journal_id       bigint        NOT NULL,
    recording_id     bigint        NOT NULL,
    journal_position bigint        NOT NULL,
    order_key        bigint        NOT NULL,
    session_id       bigint        NOT NULL,
    cl_ord_id        text,
    exec_id          bigint        NOT NULL,
    symbol           text          NOT NULL,
    venue            text          NOT NULL,
    side             text          NOT NULL,
    last_qty         numeric(38, 8) NOT NULL,
    last_px          numeric(38, 8) NOT NULL,
    cum_qty          numeric(38, 8) NOT NULL, -- the order's, after this fill
    avg_px           numeric(38, 8) NOT NULL,
    state            text          NOT NULL,
    venue_order_id   text,
    exec_time        timestamptz   NOT NULL,
    exec_time_nanos  bigint        NOT NULL,
    PRIMARY KEY (journal_id, recording_id, journal_position)
);

CREATE INDEX executions_by_session_time ON executions (session_id, exec_time);
CREATE INDEX executions_by_order ON executions (journal_id, order_key);

-- How far each feed has come: every event of the recording before position is in the tables above.
-- Written in the same transaction as the rows it covers, and only ever forward.
CREATE TABLE feed_progress
(
    feed         text        NOT NULL, -- order-journal
    journal_id   bigint      NOT NULL,
    recording_id bigint      NOT NULL,
    position     bigint      NOT NULL,
    updated_time timestamptz NOT NULL,
    PRIMARY KEY (feed, journal_id, recording_id)
);
