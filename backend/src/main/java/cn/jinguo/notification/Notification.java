package cn.jinguo.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An in-app message to one account (the bell), also sent by e-mail when the account has an address. */
@Entity
@Table(name = "notification")
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    public String kind;

    @Column(name = "notice_id")
    public Long noticeId;

    @Column(name = "receipt_id")
    public Long receiptId;

    @Column(name = "plan_id")
    public Long planId;

    public String title;
    public String body;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "mailed_at")
    public Instant mailedAt;
}
