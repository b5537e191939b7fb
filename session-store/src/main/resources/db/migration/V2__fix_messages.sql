-- Every FIX message the gateway received (IN) or sent (OUT), for audit.
--
-- The natural key is the session (both CompIDs), the direction, MsgSeqNum (34) and a SHA-256 of the
-- message's bytes. The sequence number alone repeats whenever a session's numbers are reset (a
-- logon with ResetOnLogon, a sequence reset), but the bytes then differ, if only in SendingTime
-- (52); the same message written twice has the same bytes, so it stays one row. A message sent
-- again on a resend request (PossDupFlag (43) Y, a new SendingTime) really went out again, and is
-- a row of its own.

CREATE TABLE fix_messages
(
    local_comp_id  text        NOT NULL, -- the gateway's CompID
    remote_comp_id text        NOT NULL, -- the client's CompID: the session, for ops
    direction      text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    msg_seq_num    integer     NOT NULL,
    raw_sha256     bytea       NOT NULL,
    session_id     bigint,               -- the engine's session id, as order_events.session_id has it
    msg_type       text        NOT NULL, -- MsgType (35): D, F, G, 8, 9, A, 0, ...
    poss_dup       boolean     NOT NULL, -- PossDupFlag (43) Y
    sending_time   timestamptz,          -- SendingTime (52)
    recorded_time  timestamptz NOT NULL, -- when the gateway received it (IN) or sent it (OUT)
    raw            text        NOT NULL, -- the message as on the wire, SOH (0x01) kept as the separator
    PRIMARY KEY (local_comp_id, remote_comp_id, direction, msg_seq_num, raw_sha256)
);

CREATE INDEX fix_messages_by_session_time ON fix_messages (remote_comp_id, recorded_time);
