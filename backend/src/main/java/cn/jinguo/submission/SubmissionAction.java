package cn.jinguo.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on a package, as offered to the caller in {@code SubmissionView.actions}. */
@Schema(
        description =
                "报送操作 / package operation: UPDATE 编辑, SUBMIT 报送, REVIEW 审核, FEATURE 精选," + " INCLUDE 纳入下级条目（汇总上报）")
public enum SubmissionAction {
    UPDATE,
    SUBMIT,
    DELETE,
    REVIEW,
    FEATURE,
    INCLUDE
}
