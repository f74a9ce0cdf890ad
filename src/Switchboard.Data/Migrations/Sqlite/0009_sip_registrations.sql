-- Registered contacts of SIP devices, so that registrations survive a restart until they expire.

CREATE TABLE sip_registrations (
    sip_user TEXT NOT NULL,
    contact_uri TEXT NOT NULL,
    transport TEXT NOT NULL,
    source_address TEXT NOT NULL,
    source_port INTEGER NOT NULL,
    expires TEXT NOT NULL,
    call_id TEXT NOT NULL,
    cseq INTEGER NOT NULL,
    q REAL NULL,
    CONSTRAINT pk_sip_registrations PRIMARY KEY (sip_user, contact_uri)
);
