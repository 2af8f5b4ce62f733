-- shortlist schema 0001: staff, settings, vacancies, candidates and the audit trail.
-- A migration is never edited once it has landed: add a new numbered file instead.

-- 'SLST' marks the file as a shortlist database, so that a foreign SQLite file is refused.
PRAGMA application_id = 1397510996;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO setting (key, value) VALUES
    ('kcsie_edition', '2026'),
    ('lawful_basis', 'Public task (UK GDPR Article 6(1)(e)): due diligence in safer recruitment under Keeping Children Safe in Education.');

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
);

CREATE TABLE staff_role (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    role     TEXT NOT NULL CHECK (role IN ('admin', 'searcher', 'panel', 'recruiting-manager', 'governor')),
    PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;

CREATE TABLE vacancy (
    id                INTEGER PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE COLLATE NOCASE
                      CHECK (length(reference) BETWEEN 1 AND 40 AND reference NOT GLOB '*[^A-Za-z0-9._-]*'),
    post_title        TEXT NOT NULL CHECK (length(trim(post_title)) > 0),
    site              TEXT NOT NULL DEFAULT '',
    kcsie_edition     TEXT NOT NULL CHECK (kcsie_edition GLOB '[0-9][0-9][0-9][0-9]'),
    closing_date      TEXT CHECK (closing_date IS NULL OR date(closing_date) IS closing_date),
    shortlisting_date TEXT CHECK (shortlisting_date IS NULL OR date(shortlisting_date) IS shortlisting_date),
    interview_date    TEXT CHECK (interview_date IS NULL OR date(interview_date) IS interview_date),
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'shortlisted', 'interviewing', 'appointed', 'closed', 'withdrawn')),
    appointed_candidate_id INTEGER REFERENCES candidate(id),
    closed_on         TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((status IN ('closed', 'withdrawn')) = (closed_on IS NOT NULL)),
    CHECK (appointed_candidate_id IS NULL OR status IN ('appointed', 'closed'))
);

CREATE TABLE vacancy_panel (
    vacancy_id INTEGER NOT NULL REFERENCES vacancy(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (vacancy_id, staff_id)
) WITHOUT ROWID;

CREATE INDEX vacancy_panel_staff ON vacancy_panel(staff_id);

-- One shortlisted applicant for one vacancy. Other names and previous employers are JSON
-- arrays of strings: they are read whole (to expand a search plan) and purged whole.
CREATE TABLE candidate (
    id                 INTEGER PRIMARY KEY,
    vacancy_id         INTEGER NOT NULL REFERENCES vacancy(id),
    number             INTEGER NOT NULL CHECK (number > 0),
    full_name          TEXT NOT NULL,
    other_names        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_names) AND json_type(other_names) = 'array'),
    town               TEXT NOT NULL DEFAULT '',
    current_employer   TEXT NOT NULL DEFAULT '',
    previous_employers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(previous_employers) AND json_type(previous_employers) = 'array'),
    email              TEXT NOT NULL DEFAULT '',
    shortlisted_on     TEXT NOT NULL CHECK (date(shortlisted_on) IS shortlisted_on),
    notified_on        TEXT CHECK (notified_on IS NULL OR date(notified_on) IS notified_on),
    notified_via       TEXT CHECK (notified_via IS NULL OR notified_via IN
                           ('email', 'letter', 'application-pack', 'privacy-notice', 'phone', 'in-person')),
    outcome            TEXT NOT NULL DEFAULT 'pending'
                       CHECK (outcome IN ('pending', 'appointed', 'not-appointed', 'withdrew')),
    outcome_on         TEXT CHECK (outcome_on IS NULL OR date(outcome_on) IS outcome_on),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (vacancy_id, number),
    CHECK ((notified_on IS NULL) = (notified_via IS NULL)),
    CHECK ((outcome = 'pending') = (outcome_on IS NULL))
);

-- The audit trail. Every change the tool writes appends one event in the same transaction.
-- Each event's hash covers its fields, the hash of its details and the previous event's hash;
-- the details live in their own table so that a retention purge can delete them while the
-- chain still verifies.
CREATE TABLE audit_event (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    os_account   TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_ref   TEXT NOT NULL,
    vacancy_id   INTEGER,
    candidate_id INTEGER,
    details_hash TEXT NOT NULL,
    -- SHA-256 of the changed record's fields after the change (NULL when no record changed):
    -- `audit verify` compares it with the record as it is now.
    state_hash   TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);

CREATE INDEX audit_event_vacancy ON audit_event(vacancy_id, seq) WHERE vacancy_id IS NOT NULL;
CREATE INDEX audit_event_candidate ON audit_event(candidate_id, seq) WHERE candidate_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event(actor, seq);

CREATE TABLE audit_detail (
    seq     INTEGER PRIMARY KEY REFERENCES audit_event(seq),
    details TEXT NOT NULL CHECK (json_valid(details))
);

-- Events are append-only. (Tampering by plain SQL is still possible, which is what
-- `shortlist audit verify` is for; these triggers stop the tool itself from ever rewriting.)
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
