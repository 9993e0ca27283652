package cn.jinguo.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A planned activity or work item, optionally with a numeric target (目标) and the progress towards it. */
@Entity
@Table(name = "plan_item")
public class PlanItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public ActivityPlan plan;

    public int position;
    public String section;
    public String title;
    public String description;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public String location;
    public String organizer;
    public String partners;
    public String audience;

    @Column(name = "expected_participants")
    public Integer expectedParticipants;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "target_unit")
    public String targetUnit;

    @Column(name = "progress_value")
    public BigDecimal progressValue;

    @Column(name = "progress_note")
    public String progressNote;

    @Column(name = "progress_updated_at")
    public Instant progressUpdatedAt;
}
