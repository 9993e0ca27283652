package cn.jinguo.notice;

/**
 * Fired in the transaction of a published notice's change, after it is written: integrations follow it (the outbox of
 * cn.jinguo.integration) and it commits or rolls back with the change.
 */
public record NoticeChanged(long noticeId, Change change) {
    public enum Change {
        PUBLISHED,
        AMENDED,
        WITHDRAWN
    }
}
