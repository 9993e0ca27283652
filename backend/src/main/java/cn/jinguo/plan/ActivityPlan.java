package cn.jinguo.plan;

import cn.jinguo.notice.Notice;
import cn.jinguo.notice.Receipt;
import cn.jinguo.org.Org;
import cn.jinguo.plan.PlanDtos.PlanSection;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 活动方案: an org's plan of activities, in answer to a notice, carried by one, or of its own. */
@Entity
@Table(name = "activity_plan")
public class ActivityPlan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id")
    public Org org;

    /** The notice it answers (with {@link #receipt}) or, without a receipt, the plan's own org's notice carrying it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    public Notice notice;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "receipt_id")
    public Receipt receipt;

    /** Who it is filed with; set at the first filing. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_org_id")
    public Org reviewOrg;

    @Enumerated(EnumType.STRING)
    public PlanStatus status = PlanStatus.DRAFT;

    public String title;
    public String theme;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<PlanSection> sections = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlanItem> items = new ArrayList<>();

    /** The latest filing (the receipt keeps the first). */
    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** Title, theme, org, sections and items as plain lower-cased text: what search matches (trigram index). */
    @Column(name = "search_text")
    public String searchText = "";

    public PlanKind kind() {
        if (receipt != null) return PlanKind.ANSWER;
        return notice != null ? PlanKind.ISSUER : PlanKind.STANDALONE;
    }
}
