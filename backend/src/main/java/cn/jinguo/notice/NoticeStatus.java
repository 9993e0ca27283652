package cn.jinguo.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DRAFT → PUBLISHED → CLOSED, or PUBLISHED → WITHDRAWN. */
@Schema(description = "通知状态 / notice state: DRAFT 草稿, PUBLISHED 已发布, WITHDRAWN 已撤回, CLOSED 已结束")
public enum NoticeStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN,
    CLOSED
}
