-- Staff sign-in for the web interface (`shortlist serve`): passwords, first-time invitations,
-- sessions and failed attempts. No secret is stored in clear: passwords as bcrypt hashes, invitation
-- and session tokens as SHA-256 hashes of the random token handed to the person. Each change is an
-- audit event (entity `sign-in`), whose details never hold a hash or a token.

CREATE TABLE staff_password (
    staff_id INTEGER PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    bcrypt_hash TEXT NOT NULL CHECK (bcrypt_hash LIKE '$2%'),
    set_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff_invite (
    token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
) STRICT;

CREATE TABLE web_session (
    token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    -- The staff member's roles when the session began: a session whose roles no longer match is revoked.
    roles TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    -- When the searcher stated, for this session, that they view public information only.
    public_only_at TEXT,
    ended_at TEXT,
    ended_reason TEXT
) STRICT;

CREATE INDEX web_session_staff ON web_session (staff_id);

-- Failed sign-ins, by the SHA-256 of the name typed (so a password typed into the name field is not kept).
CREATE TABLE sign_in_failure (
    id INTEGER PRIMARY KEY,
    name_sha256 TEXT NOT NULL CHECK (length(name_sha256) = 64),
    at TEXT NOT NULL
) STRICT;

CREATE INDEX sign_in_failure_name ON sign_in_failure (name_sha256, at);

-- How long a web session lasts: without a request, and at most after sign-in (`shortlist settings set`).
INSERT INTO setting (key, value) VALUES ('session_idle_minutes', '30'), ('session_absolute_hours', '8');
