-- CRM contacts: the contact, its phones, messaging identities, e-mails, attributes and labels, the words of its
-- name for name search, and its timeline of calls and chats. Every identification and search looks up an index:
-- phones by E.164 number, messaging identities by (channel, identifier), e-mails and attribute values by their
-- lower-case form, names by word prefix as a range over contact_name_words. contact_name_words.word is COLLATE "C"
-- so that it sorts bytewise whatever the database's locale, which makes the prefix range [prefix, next) exact.
-- Timeline entries name a call by id only: call records are written by telephony on their own.

CREATE TABLE labels (
    id uuid NOT NULL,
    name text NOT NULL,
    name_key text NOT NULL,
    CONSTRAINT pk_labels PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_labels_name_key ON labels (name_key);

CREATE TABLE contacts (
    id uuid NOT NULL,
    name text NOT NULL,
    sort_key text NOT NULL,
    time_zone text NULL,
    owner_id uuid NULL,
    description text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contacts PRIMARY KEY (id),
    CONSTRAINT fk_contacts_owner_id FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_contacts_sort_key_id ON contacts (sort_key, id);
CREATE INDEX ix_contacts_owner_id ON contacts (owner_id);

CREATE TABLE contact_phones (
    contact_id uuid NOT NULL,
    number text NOT NULL,
    type text NOT NULL,
    is_primary boolean NOT NULL,
    CONSTRAINT pk_contact_phones PRIMARY KEY (contact_id, number),
    CONSTRAINT fk_contact_phones_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_phones_number ON contact_phones (number, contact_id);

CREATE TABLE contact_messaging_identities (
    contact_id uuid NOT NULL,
    channel text NOT NULL,
    identifier text NOT NULL,
    CONSTRAINT pk_contact_messaging_identities PRIMARY KEY (contact_id, channel, identifier),
    CONSTRAINT fk_contact_messaging_identities_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_messaging_identities_channel_identifier ON contact_messaging_identities (channel, identifier, contact_id);

CREATE TABLE contact_emails (
    contact_id uuid NOT NULL,
    address_key text NOT NULL,
    address text NOT NULL,
    CONSTRAINT pk_contact_emails PRIMARY KEY (contact_id, address_key),
    CONSTRAINT fk_contact_emails_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_emails_address_key ON contact_emails (address_key, contact_id);

CREATE TABLE contact_attributes (
    contact_id uuid NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    value_key text NOT NULL,
    CONSTRAINT pk_contact_attributes PRIMARY KEY (contact_id, key),
    CONSTRAINT fk_contact_attributes_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_attributes_value_key ON contact_attributes (value_key, key, contact_id);

CREATE TABLE contact_labels (
    contact_id uuid NOT NULL,
    label_id uuid NOT NULL,
    CONSTRAINT pk_contact_labels PRIMARY KEY (contact_id, label_id),
    CONSTRAINT fk_contact_labels_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_labels_label_id FOREIGN KEY (label_id) REFERENCES labels (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_labels_label_id ON contact_labels (label_id, contact_id);

CREATE TABLE contact_name_words (
    contact_id uuid NOT NULL,
    word text COLLATE "C" NOT NULL,
    CONSTRAINT pk_contact_name_words PRIMARY KEY (contact_id, word),
    CONSTRAINT fk_contact_name_words_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_name_words_word ON contact_name_words (word, contact_id);

CREATE TABLE contact_timeline (
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    kind text NOT NULL,
    reference_id text NOT NULL,
    at timestamp with time zone NOT NULL,
    summary text NOT NULL,
    CONSTRAINT pk_contact_timeline PRIMARY KEY (id),
    CONSTRAINT fk_contact_timeline_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_contact_timeline_contact_id_kind_reference_id ON contact_timeline (contact_id, kind, reference_id);
