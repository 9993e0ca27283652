package cn.jinguo.notice;

import cn.jinguo.org.Org;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 收文: one notice as delivered to one recipient org; created when the notice is published. */
@Entity
@Table(name = "receipt")
public class Receipt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    public Notice notice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id")
    public Org org;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The org's effective deadline: the notice's, until an extension changes it. */
    public Instant deadline;

    @Column(name = "first_read_at")
    public Instant firstReadAt;

    @Column(name = "first_read_by")
    public String firstReadBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "forwarded_notice_id")
    public Long forwardedNoticeId;

    @Version
    public int version;
}
