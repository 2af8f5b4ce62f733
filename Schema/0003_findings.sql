-- shortlist schema 0003: findings, their decisions, and the candidate's response.

-- The school's taxonomy of findings (defaults from good practice; a school may add its own).
-- Guidance avoids numeric risk scores: a category and a written reason, never a score.
CREATE TABLE finding_category (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
    label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
    position   INTEGER NOT NULL,
    built_in   INTEGER NOT NULL CHECK (built_in IN (0, 1))
) WITHOUT ROWID;

INSERT INTO finding_category (key, label, position, built_in) VALUES
    ('violence', 'Violence or threats', 1, 1),
    ('hate-extremism', 'Hate, discrimination or extremism', 2, 1),
    ('sexual-content', 'Sexual content', 3, 1),
    ('drugs-alcohol', 'Drugs or alcohol misuse', 4, 1),
    ('criminal-activity', 'Criminal activity', 5, 1),
    ('children', 'Inappropriate contact with or comments about children', 6, 1),
    ('bullying-harassment', 'Bullying or harassment', 7, 1),
    ('disparaging', 'Disparaging employers, colleagues, pupils or parents', 8, 1),
    ('confidentiality', 'Breach of confidentiality', 9, 1),
    ('application-inconsistency', 'Inconsistency with the application (dates, roles, qualifications)', 10, 1),
    ('undeclared-employment', 'Undeclared employment or gap', 11, 1),
    ('other', 'Other', 12, 1);

-- A finding belongs to one candidate; `number` gives it the reference VACANCY/N/F<number>.
CREATE TABLE finding (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate(id),
    number       INTEGER NOT NULL CHECK (number > 0),
    UNIQUE (candidate_id, number)
);

-- The search entries a finding came from.
CREATE TABLE finding_source_entry (
    finding_id INTEGER NOT NULL REFERENCES finding(id),
    entry_id   INTEGER NOT NULL REFERENCES search_entry(id),
    PRIMARY KEY (finding_id, entry_id)
) WITHOUT ROWID;

-- Every version of a finding, each holding its whole state: adding, correcting, deciding and
-- recording the response each append a version; the newest is current and none is overwritten.
CREATE TABLE finding_version (
    finding_id        INTEGER NOT NULL REFERENCES finding(id),
    version           INTEGER NOT NULL CHECK (version > 0),
    action            TEXT NOT NULL CHECK (action IN ('add', 'update', 'decide', 'respond')),
    recorded_at       TEXT NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES staff(id),
    summary           TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    sources           TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array'),
    content_date      TEXT CHECK (content_date IS NULL OR date(content_date) IS content_date),
    -- A finding about a protected characteristic (Equality Act 2010) is recorded as such,
    -- never by what it is about, and can never be raised.
    protected         INTEGER NOT NULL CHECK (protected IN (0, 1)),
    category          TEXT REFERENCES finding_category(key),
    identity          TEXT NOT NULL CHECK (identity IN ('confirmed', 'probable', 'unverified')),
    identity_basis    TEXT NOT NULL DEFAULT '',
    relevance         TEXT NOT NULL DEFAULT '',
    decision          TEXT CHECK (decision IS NULL OR decision IN ('raise', 'no-further-action', 'not-the-candidate')),
    decision_reason   TEXT NOT NULL DEFAULT '',
    question          TEXT NOT NULL DEFAULT '',
    identity_question TEXT NOT NULL DEFAULT '',
    decided_by        INTEGER REFERENCES staff(id),
    decided_at        TEXT,
    response          TEXT NOT NULL DEFAULT '',
    response_by       INTEGER REFERENCES staff(id),
    response_at       TEXT,
    conclusion        TEXT CHECK (conclusion IS NULL OR conclusion IN ('satisfied', 'further-checks', 'concern-remains')),
    conclusion_detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (finding_id, version),
    CHECK (protected = 1 OR category IS NOT NULL),
    CHECK (protected = 1 OR length(trim(relevance)) > 0),
    CHECK (identity <> 'confirmed' OR length(trim(identity_basis)) > 0),
    CHECK (protected = 0 OR decision IS NULL OR decision <> 'raise'),
    CHECK (decision IS NULL OR decision <> 'raise' OR length(trim(question)) > 0),
    CHECK (decision IS NULL OR decision <> 'raise' OR identity <> 'unverified' OR length(trim(identity_question)) > 0),
    CHECK (decision IS NULL OR decision = 'raise' OR length(trim(decision_reason)) > 0),
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK (conclusion IS NULL OR decision IS 'raise'),
    CHECK ((response_at IS NULL) = (conclusion IS NULL)),
    CHECK (conclusion IS NULL OR conclusion = 'satisfied' OR length(trim(conclusion_detail)) > 0)
) WITHOUT ROWID;

CREATE INDEX finding_candidate ON finding(candidate_id);
