-- ASP.NET Core data-protection keys, shared by every node that uses this database.

CREATE TABLE data_protection_keys (
    id TEXT NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL
);
