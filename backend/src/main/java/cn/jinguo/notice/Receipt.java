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

    // ---- progress, moved by plans and submissions in their own transactions; tracking counts these ----

    /** FILED, ACKNOWLEDGED or RETURNED once a plan was filed in answer to the notice. */
    @Column(name = "plan_status")
    public String planStatus;

    @Column(name = "plan_filed_at")
    public Instant planFiledAt;

    /** The status of the org's package (DRAFT, SUBMITTED, ACCEPTED, RETURNED), null before it has one. */
    @Column(name = "report_status")
    public String reportStatus;

    /** The first submission; on time when not after {@link #deadline}. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "featured_count")
    public int featuredCount;

    /** 免报: set when the issuer exempts the org (it leaves the denominator). */
    @Column(name = "exempt_reason")
    public String exemptReason;

    @Column(name = "exempted_at")
    public Instant exemptedAt;

    @Column(name = "exempted_by")
    public String exemptedBy;

    /** 延期: why {@link #deadline} differs from the notice's. */
    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extended_at")
    public Instant extendedAt;

    @Column(name = "extended_by")
    public String extendedBy;

    @Version
    public int version;
}
