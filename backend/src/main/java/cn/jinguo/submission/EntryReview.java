package cn.jinguo.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reviewer's verdict on one activity entry. */
@Schema(description = "活动条目审核结果 / entry review: PENDING 待审核, ACCEPTED 已采用, RETURNED 需修改")
public enum EntryReview {
    PENDING,
    ACCEPTED,
    RETURNED
}
