-- Where a receipt's and a package's org sits in the tree, copied from org.path at delivery and at creation. Tracking
-- counts a notice's branches and the submission list scopes its packages from these rows alone, instead of joining
-- each of thousands of rows to its org. OrgService.move keeps them in step (SubtreeMoved), as it does audit_event.
ALTER TABLE receipt ADD COLUMN org_path varchar(1000);
UPDATE receipt r SET org_path = o.path FROM org o WHERE o.id = r.org_id;
ALTER TABLE receipt ALTER COLUMN org_path SET NOT NULL;
-- Moves rewrite by prefix; reads go through the notice (receipt_uk) and filter the path on the way.
CREATE INDEX receipt_org_path_idx ON receipt (org_path varchar_pattern_ops);

ALTER TABLE submission ADD COLUMN org_path varchar(1000);
UPDATE submission s SET org_path = o.path FROM org o WHERE o.id = s.org_id;
ALTER TABLE submission ALTER COLUMN org_path SET NOT NULL;
-- Moves, and a branch's packages across notices (the submission list's org filter with branch=true).
CREATE INDEX submission_org_path_idx ON submission (org_path varchar_pattern_ops);
