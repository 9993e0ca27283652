package cn.jinguo.notice;

/** Fired in the transaction of a signature (签收), after it is written; see {@link NoticeChanged}. */
public record ReceiptSigned(long receiptId) {}
