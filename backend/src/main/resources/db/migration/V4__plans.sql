-- Activity plans (活动方案备案): who a plan is filed with, one plan carried by each notice, and links from the bell.

-- The org a plan was filed with (备案单位): the notice's receiving department or its issuer for a filing in answer to
-- a notice, the parent org for a standalone plan. Set at the first filing and kept, so its reviewers (and the orgs
-- above them) keep seeing a plan they returned; null while the plan was never filed.
ALTER TABLE activity_plan ADD COLUMN review_org_id bigint REFERENCES org(id);
-- 待我审核: the plans filed with an org, newest filing first.
CREATE INDEX activity_plan_review_idx ON activity_plan (review_org_id, status, filed_at DESC)
    WHERE review_org_id IS NOT NULL;
-- A notice carries at most one plan of its issuer (a plan with a notice and no receipt).
CREATE UNIQUE INDEX activity_plan_issuer_uk ON activity_plan (notice_id)
    WHERE notice_id IS NOT NULL AND receipt_id IS NULL;

-- Plan notifications (filed, acknowledged, returned) open the plan.
ALTER TABLE notification ADD COLUMN plan_id bigint REFERENCES activity_plan(id) ON DELETE CASCADE;
CREATE INDEX notification_plan_idx ON notification (plan_id) WHERE plan_id IS NOT NULL;
