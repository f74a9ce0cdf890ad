-- Registered contacts of SIP devices, so that registrations survive a restart until they expire.

CREATE TABLE sip_registrations (
    sip_user text NOT NULL,
    contact_uri text NOT NULL,
    transport text NOT NULL,
    source_address text NOT NULL,
    source_port integer NOT NULL,
    expires timestamp with time zone NOT NULL,
    call_id text NOT NULL,
    cseq bigint NOT NULL,
    q double precision NULL,
    CONSTRAINT pk_sip_registrations PRIMARY KEY (sip_user, contact_uri)
);
