-- shortlist schema 0007: the notice each candidate was sent before searching, and what letters say of the school.

-- Each notice a candidate was sent that online searches may be done, as sent: its text, and the SHA-256 of
-- that text (in the audit event too), so that a governor can see what each candidate was told and when.
-- `template_sha256` names the version of the school's notice template it was rendered from; NULL for a
-- notice written outside shortlist (`candidate notify --notice FILE`). A purge blanks the text of a purged
-- candidate's notices to '(purged)' and keeps the rest.
CREATE TABLE candidate_notice (
    id              INTEGER PRIMARY KEY,
    candidate_id    INTEGER NOT NULL REFERENCES candidate(id),
    number          INTEGER NOT NULL CHECK (number > 0),
    sent_on         TEXT NOT NULL CHECK (date(sent_on) IS sent_on),
    via             TEXT NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('text', 'html', 'eml', 'file')),
    text_sha256     TEXT NOT NULL CHECK (length(text_sha256) = 64),
    template_sha256 TEXT CHECK (template_sha256 IS NULL OR length(template_sha256) = 64),
    text            TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     INTEGER REFERENCES staff(id),
    UNIQUE (candidate_id, number)
) STRICT;

-- What the letters to candidates say of the school: its name, whom to contact about their data, and the
-- address a notice is sent from (the From of an .eml). Empty until set: a notice is refused until they are.
INSERT INTO setting (key, value) VALUES ('school_name', ''), ('privacy_contact', ''), ('school_email', '');
