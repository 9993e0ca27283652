package cn.jinguo.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a package stands: written, sent, and the issuer's decision on it. */
@Schema(description = "报送状态 / package status: DRAFT 草稿, SUBMITTED 已报送（待审核）, ACCEPTED 已采用, RETURNED 已退回")
public enum SubmissionStatus {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED
}
