package cn.jinguo.submission;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity reported in a package. A rolled-up entry (汇总上报) is a copy of a subordinate's accepted entry:
 * {@link #sourceEntryId} points at it and {@link #originOrg} stays the org that held the activity.
 */
@Entity
@Table(name = "submission_entry")
public class SubmissionEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id")
    public Submission submission;

    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "origin_org_id")
    public Org originOrg;

    @Column(name = "source_entry_id")
    public Long sourceEntryId;

    @Column(name = "plan_item_id")
    public Long planItemId;

    public String title;

    @Column(name = "held_on")
    public LocalDate heldOn;

    @Column(name = "held_until")
    public LocalDate heldUntil;

    public String location;
    public Integer participants;
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status")
    public EntryReview reviewStatus = EntryReview.PENDING;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "featured_at")
    public Instant featuredAt;

    @Column(name = "featured_by")
    public String featuredBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "entry_media", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    public List<EntryMedia> media = new ArrayList<>();
}
