package cn.jinguo.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on a receipt, as offered to the caller in {@code ReceiptView.actions}. */
@Schema(description = "收文操作 / receipt operation: SIGN 签收, FORWARD 转发, REPORT 填写报送")
public enum ReceiptAction {
    SIGN,
    FORWARD,
    /** Open (or start) the org's package: POST /submissions with the receipt, or GET its submissionId. */
    REPORT
}
