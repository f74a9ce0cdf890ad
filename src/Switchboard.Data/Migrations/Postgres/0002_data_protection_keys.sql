-- ASP.NET Core data-protection keys, shared by every node that uses this database.

CREATE TABLE data_protection_keys (
    id uuid NOT NULL,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
);
