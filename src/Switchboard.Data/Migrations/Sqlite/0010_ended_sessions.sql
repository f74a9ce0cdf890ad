-- Browser sessions ended by logout: their cookies are refused until they would have expired.

CREATE TABLE ended_sessions (
    session_id TEXT NOT NULL CONSTRAINT pk_ended_sessions PRIMARY KEY,
    until TEXT NOT NULL
);
