-- Browser sessions ended by logout: their cookies are refused until they would have expired.

CREATE TABLE ended_sessions (
    session_id text NOT NULL,
    until timestamp with time zone NOT NULL,
    CONSTRAINT pk_ended_sessions PRIMARY KEY (session_id)
);
