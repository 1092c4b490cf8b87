-- The payloads of the quick replies a conversation's last reply offered, comma-separated, so
-- that a bare number on a text-only channel chooses one without reading the transcript: a
-- turn reads its conversation once.
ALTER TABLE conversation ADD COLUMN offered VARCHAR(2000);
