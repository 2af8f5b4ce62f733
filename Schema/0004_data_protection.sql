-- shortlist schema 0004: retention, holds, purge stubs.

-- Months after a vacancy closes when its candidates' personal data is due for purge: the
-- unsuccessful candidates' removed, the appointee's search record reduced to one line.
INSERT INTO setting (key, value) VALUES ('retention_months', '6');

-- A hold (for example a pending claim) keeps everything of the vacancy from purge until lifted.
ALTER TABLE vacancy ADD COLUMN hold_reason TEXT CHECK (hold_reason IS NULL OR length(trim(hold_reason)) > 0);

-- A purged candidate is an anonymous stub: vacancy, number, outcome, dates of searches, counts.
ALTER TABLE candidate ADD COLUMN purged_on TEXT CHECK (purged_on IS NULL OR date(purged_on) IS purged_on);
-- What the record said when it was purged (counts and flags, no personal data), so that
-- status and reports still count the stub. JSON, NULL until purged.
ALTER TABLE candidate ADD COLUMN purge_summary TEXT CHECK (purge_summary IS NULL OR json_valid(purge_summary));

-- The audit details a purge deleted, each with the purge event that deleted it; that event's
-- details give the count, so a detail deleted by anything else is found by `audit verify`.
CREATE TABLE audit_detail_purge (
    seq       INTEGER PRIMARY KEY REFERENCES audit_event(seq),
    purge_seq INTEGER NOT NULL REFERENCES audit_event(seq)
);

CREATE INDEX audit_detail_purge_event ON audit_detail_purge(purge_seq);
CREATE INDEX vacancy_closed ON vacancy(closed_on) WHERE closed_on IS NOT NULL;

-- The governors' report selects vacancies by interview date (or the date added, without one).
CREATE INDEX vacancy_report_date ON vacancy(coalesce(interview_date, substr(created_at, 1, 10)));

-- Events that concern no vacancy (settings, staff, protocols), newest first for documents' footers.
CREATE INDEX audit_event_general ON audit_event(seq) WHERE vacancy_id IS NULL;
