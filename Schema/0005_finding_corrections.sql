-- shortlist schema 0005: the reason for a correction, and the follow-up after a conclusion.

-- Why a version corrected the finding. Removing the protected-characteristic mark needs one:
-- it is the only way such a finding could reach the panel, so it is recorded, reported to
-- governors, and the person who made it may not then decide the finding.
ALTER TABLE finding_version ADD COLUMN correction_reason TEXT NOT NULL DEFAULT '';

-- After a conclusion of further checks or a remaining concern: what was done about it. Until
-- it is recorded, the finding is outstanding.
ALTER TABLE finding_version ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';

-- Whether a finding cites a search entry: an entry logged with findings that no finding cites
-- is outstanding ("findings to record").
CREATE INDEX finding_source_entry_entry ON finding_source_entry(entry_id);
