-- Statistics (统计) and the dashboard (工作台): indexes behind their filters. The figures themselves are read from
-- submission_entry (V3) as they are; nothing is precomputed, so they are never behind.

-- The activity list's title search (q), as the other searches: lower-cased, trigram-indexed.
CREATE INDEX submission_entry_title_trgm ON submission_entry USING gin (lower(title) gin_trgm_ops);

-- A branch's figures include the packages answering notices its departments receive (收文部门), as the issuer's.
CREATE INDEX notice_receiving_idx ON notice (receiving_org_id) WHERE receiving_org_id IS NOT NULL;

-- 工作台: the open notices an org issued, nearest deadline first (their completion is one GROUP BY on receipt_uk).
CREATE INDEX notice_open_idx ON notice (issuer_org_id, deadline) WHERE status = 'PUBLISHED';

-- 工作台: the org's receipts still waiting for a plan (the notice says whether one is required).
CREATE INDEX receipt_plan_todo_idx ON receipt (org_id) WHERE plan_status IS NULL OR plan_status = 'RETURNED';
