-- CRM contacts: the contact, its phones, messaging identities, e-mails, attributes and labels, the words of its
-- name for name search, and its timeline of calls and chats. Every identification and search looks up an index:
-- phones by E.164 number, messaging identities by (channel, identifier), e-mails and attribute values by their
-- lower-case form, names by word prefix as a range over contact_name_words (SQLite's BINARY collation sorts
-- text bytewise, so a prefix range [prefix, next) is exact). Timeline entries name a call by id only: call
-- records are written by telephony on their own.

CREATE TABLE labels (
    id TEXT NOT NULL CONSTRAINT pk_labels PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_labels_name_key ON labels (name_key);

CREATE TABLE contacts (
    id TEXT NOT NULL CONSTRAINT pk_contacts PRIMARY KEY,
    name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    time_zone TEXT NULL,
    owner_id TEXT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT fk_contacts_owner_id FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_contacts_sort_key_id ON contacts (sort_key, id);
CREATE INDEX ix_contacts_owner_id ON contacts (owner_id);

CREATE TABLE contact_phones (
    contact_id TEXT NOT NULL,
    number TEXT NOT NULL,
    type TEXT NOT NULL,
    is_primary INTEGER NOT NULL,
    CONSTRAINT pk_contact_phones PRIMARY KEY (contact_id, number),
    CONSTRAINT fk_contact_phones_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_phones_number ON contact_phones (number, contact_id);

CREATE TABLE contact_messaging_identities (
    contact_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    identifier TEXT NOT NULL,
    CONSTRAINT pk_contact_messaging_identities PRIMARY KEY (contact_id, channel, identifier),
    CONSTRAINT fk_contact_messaging_identities_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_messaging_identities_channel_identifier ON contact_messaging_identities (channel, identifier, contact_id);

CREATE TABLE contact_emails (
    contact_id TEXT NOT NULL,
    address_key TEXT NOT NULL,
    address TEXT NOT NULL,
    CONSTRAINT pk_contact_emails PRIMARY KEY (contact_id, address_key),
    CONSTRAINT fk_contact_emails_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_emails_address_key ON contact_emails (address_key, contact_id);

CREATE TABLE contact_attributes (
    contact_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    value_key TEXT NOT NULL,
    CONSTRAINT pk_contact_attributes PRIMARY KEY (contact_id, key),
    CONSTRAINT fk_contact_attributes_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_attributes_value_key ON contact_attributes (value_key, key, contact_id);

CREATE TABLE contact_labels (
    contact_id TEXT NOT NULL,
    label_id TEXT NOT NULL,
    CONSTRAINT pk_contact_labels PRIMARY KEY (contact_id, label_id),
    CONSTRAINT fk_contact_labels_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_labels_label_id FOREIGN KEY (label_id) REFERENCES labels (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_labels_label_id ON contact_labels (label_id, contact_id);

CREATE TABLE contact_name_words (
    contact_id TEXT NOT NULL,
    word TEXT NOT NULL,
    CONSTRAINT pk_contact_name_words PRIMARY KEY (contact_id, word),
    CONSTRAINT fk_contact_name_words_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_name_words_word ON contact_name_words (word, contact_id);

CREATE TABLE contact_timeline (
    id TEXT NOT NULL CONSTRAINT pk_contact_timeline PRIMARY KEY,
    contact_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    reference_id TEXT NOT NULL,
    at TEXT NOT NULL,
    summary TEXT NOT NULL,
    CONSTRAINT fk_contact_timeline_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_contact_timeline_contact_id_kind_reference_id ON contact_timeline (contact_id, kind, reference_id);
