package cn.jinguo.notice;

import cn.jinguo.notice.NoticeDtos.RecipientRule;
import cn.jinguo.notice.NoticeDtos.ReminderPolicy;
import cn.jinguo.notice.NoticeDtos.Requirements;
import cn.jinguo.notice.NoticeDtos.Section;
import cn.jinguo.org.Org;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 通知: a formal notice with the GB/T 9704 elements, issued by an org to recipients it chooses. */
@Entity
@Table(name = "notice")
public class Notice {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "issuer_org_id")
    public Org issuer;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status = NoticeStatus.DRAFT;

    @Column(name = "issuer_code_id")
    public Long issuerCodeId;

    @Column(name = "doc_year")
    public Integer docYear;

    @Column(name = "doc_serial")
    public Integer docSerial;

    @Column(name = "doc_number")
    public String docNumber;

    public String title;
    public String theme;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Section> sections = new ArrayList<>();

    @Column(name = "main_to")
    public String mainTo;

    public String cc;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recipient_rule")
    public RecipientRule recipientRule = RecipientRule.NONE;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "contact_person")
    public String contactPerson;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "receiving_department")
    public String receivingDepartment;

    /** 收文部门 as an org: a department of the issuer that reviews the reports in its place. */
    @Column(name = "receiving_org_id")
    public Long receivingOrgId;

    public Instant deadline;

    @Column(name = "plan_required")
    public boolean planRequired;

    @Column(name = "plan_deadline")
    public Instant planDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    public Requirements requirements = Requirements.NONE;

    /** When the tracking module's scheduler reminds the recipients. */
    @JdbcTypeCode(SqlTypes.JSON)
    public ReminderPolicy reminders = ReminderPolicy.DEFAULT;

    /** 附件, in the order printed. */
    @ElementCollection
    @CollectionTable(name = "notice_attachment", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    public List<Attachment> attachments = new ArrayList<>();

    @Column(name = "parent_notice_id")
    public Long parentNoticeId;

    public int revision;

    @Column(name = "recipient_count")
    public int recipientCount;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** Number, title, theme and the body's plain text, lower-cased: what search matches (trigram index). */
    @Column(name = "search_text")
    public String searchText = "";
}
