-- An OrderCancelReject's terms, as the journal keeps them since it sends missed refusals again after
-- a crash: what was refused and why. Null for every other event, and for refusals journaled before.

ALTER TABLE order_events
    ADD COLUMN cxl_rej_response_to char(1), -- CxlRejResponseTo (434) of a CANCEL_REJECT: 1 cancel, 2 cancel/replace
    ADD COLUMN cxl_rej_reason      integer; -- CxlRejReason (102) of a CANCEL_REJECT: 0 too late, 1 unknown order, ...
