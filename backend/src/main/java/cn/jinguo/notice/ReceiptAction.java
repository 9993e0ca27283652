package cn.jinguo.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on a receipt, as offered to the caller in {@code ReceiptView.actions}. */
@Schema(
        description =
                "收文操作 / receipt operation: SIGN 签收, FORWARD 转发, FILE_PLAN 填报活动方案（通知要求备案、本单位尚无方案）," + " REPORT 填写报送")
public enum ReceiptAction {
    SIGN,
    FORWARD,
    /** Start the org's plan in answer to a notice that requires one (POST /plans with noticeId). */
    FILE_PLAN,
    /** Open (or start) the org's package: POST /submissions with the receipt, or GET its submissionId. */
    REPORT
}
