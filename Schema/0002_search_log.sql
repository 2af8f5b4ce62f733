-- shortlist schema 0002: search protocols, the search decision, and the search log.

-- A protocol is the list of search steps used for a vacancy. Editing one makes a new
-- version; old versions stay, because past vacancies used them.
CREATE TABLE protocol (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    version     INTEGER NOT NULL CHECK (version > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (name, version)
);

-- `queries` is a JSON array of query templates over {name}, {town}, {employer} and
-- {other_name}; `link` is the address to open, with {query} URL-encoded.
CREATE TABLE protocol_step (
    protocol_id INTEGER NOT NULL REFERENCES protocol(id),
    position    INTEGER NOT NULL CHECK (position > 0),
    key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
    label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('search-engine', 'news', 'platform')),
    queries     TEXT NOT NULL CHECK (json_valid(queries) AND json_type(queries) = 'array' AND json_array_length(queries) > 0),
    link        TEXT NOT NULL CHECK (link LIKE 'https://%' AND link LIKE '%{query}%'),
    PRIMARY KEY (protocol_id, position),
    UNIQUE (protocol_id, key)
) WITHOUT ROWID;

INSERT INTO protocol (id, name, version, description, created_at) VALUES
    (1, 'KCSIE standard online search', 1,
     'The same public searches for every shortlisted candidate: search engine, news and public profiles. Platforms are searched through a search engine restricted to the site, so nothing needs a login.',
     '2026-09-01T00:00:00Z');

INSERT INTO protocol_step (protocol_id, position, key, label, kind, queries, link) VALUES
    (1, 1, 'web-name', 'Search engine: full name', 'search-engine', '["\"{name}\""]', 'https://www.google.com/search?q={query}'),
    (1, 2, 'web-name-town', 'Search engine: full name and town', 'search-engine', '["\"{name}\" {town}"]', 'https://www.google.com/search?q={query}'),
    (1, 3, 'web-name-employer', 'Search engine: full name and each employer', 'search-engine', '["\"{name}\" \"{employer}\""]', 'https://www.google.com/search?q={query}'),
    (1, 4, 'web-other-names', 'Search engine: each other name, with and without the town', 'search-engine', '["\"{other_name}\"", "\"{other_name}\" {town}"]', 'https://www.google.com/search?q={query}'),
    (1, 5, 'news', 'News search: full name', 'news', '["\"{name}\""]', 'https://www.google.com/search?tbm=nws&q={query}'),
    (1, 6, 'facebook', 'Facebook: public pages and profiles', 'platform', '["\"{name}\" site:facebook.com"]', 'https://www.google.com/search?q={query}'),
    (1, 7, 'x', 'X (Twitter): public posts and profiles', 'platform', '["\"{name}\" (site:x.com OR site:twitter.com)"]', 'https://www.google.com/search?q={query}'),
    (1, 8, 'instagram', 'Instagram: public profiles', 'platform', '["\"{name}\" site:instagram.com"]', 'https://www.google.com/search?q={query}'),
    (1, 9, 'tiktok', 'TikTok: public profiles and videos', 'platform', '["\"{name}\" site:tiktok.com"]', 'https://www.google.com/search?q={query}'),
    (1, 10, 'linkedin', 'LinkedIn: public profile (cross-check employment history)', 'platform', '["\"{name}\" site:linkedin.com"]', 'https://www.google.com/search?q={query}'),
    (1, 11, 'youtube', 'YouTube: public videos and channels', 'platform', '["\"{name}\""]', 'https://www.youtube.com/results?search_query={query}');

INSERT INTO setting (key, value) VALUES ('default_protocol', 'KCSIE standard online search');

-- The protocol a vacancy uses, its look-back period, and the search decision. The protocol is
-- fixed once a search is logged; changing it afterwards needs a recorded reason.
ALTER TABLE vacancy ADD COLUMN protocol_id INTEGER REFERENCES protocol(id);
ALTER TABLE vacancy ADD COLUMN look_back_years INTEGER NOT NULL DEFAULT 5 CHECK (look_back_years BETWEEN 1 AND 50);
ALTER TABLE vacancy ADD COLUMN search_decision TEXT NOT NULL DEFAULT 'all'
    CHECK (search_decision IN ('all', 'some', 'none'));
ALTER TABLE vacancy ADD COLUMN search_decision_reason TEXT NOT NULL DEFAULT '';
UPDATE vacancy SET protocol_id = 1;

-- With the decision 'some', the candidates not searched are marked here.
ALTER TABLE candidate ADD COLUMN search_excluded INTEGER NOT NULL DEFAULT 0 CHECK (search_excluded IN (0, 1));

-- One logged search of one planned query of one step, for one candidate. Logging the same
-- query again adds a newer entry: the newest entry not withdrawn is the current one, and
-- every older entry stays in the history.
CREATE TABLE search_entry (
    id               INTEGER PRIMARY KEY,
    candidate_id     INTEGER NOT NULL REFERENCES candidate(id),
    protocol_id      INTEGER NOT NULL REFERENCES protocol(id),
    step_key         TEXT NOT NULL,
    planned_query    TEXT NOT NULL,
    query            TEXT NOT NULL,
    searched_at      TEXT NOT NULL,
    searcher_id      INTEGER NOT NULL REFERENCES staff(id),
    outcome          TEXT NOT NULL CHECK (outcome IN ('no-results', 'nothing-relevant', 'findings', 'could-not-complete')),
    note             TEXT NOT NULL DEFAULT '',
    -- The searcher's statement that only public information was viewed.
    public_only      INTEGER NOT NULL CHECK (public_only = 1),
    late             INTEGER NOT NULL CHECK (late IN (0, 1)),
    run_id           TEXT,
    recorded_at      TEXT NOT NULL,
    withdrawn_at     TEXT,
    withdrawn_by     INTEGER REFERENCES staff(id),
    withdrawn_reason TEXT,
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
    CHECK (outcome <> 'could-not-complete' OR length(trim(note)) > 0)
);

CREATE INDEX search_entry_candidate ON search_entry(candidate_id, step_key, planned_query, id);

CREATE TABLE search_address (
    entry_id INTEGER NOT NULL REFERENCES search_entry(id),
    position INTEGER NOT NULL,
    address  TEXT NOT NULL,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

-- A rule that would have refused the entry, overridden with a recorded reason.
CREATE TABLE search_override (
    entry_id INTEGER NOT NULL REFERENCES search_entry(id),
    rule     TEXT NOT NULL CHECK (rule IN ('not-told', 'searcher-on-panel', 'candidate-withdrawn', 'vacancy-closed')),
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    PRIMARY KEY (entry_id, rule)
) WITHOUT ROWID;

-- Evidence files, copied into the evidence folder beside the database under their SHA-256.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    entry_id      INTEGER NOT NULL REFERENCES search_entry(id),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    added_at      TEXT NOT NULL
);

CREATE INDEX evidence_entry ON evidence(entry_id);
CREATE INDEX evidence_sha256 ON evidence(sha256);

CREATE INDEX vacancy_status ON vacancy(status);
