package cn.jinguo.integration;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription (推送): the outbox's events of some types in {@link #org}'s subtree, posted to {@link #url}. */
@Entity
@Table(name = "webhook")
public class Webhook {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The integration client that manages it; null when platform administrators do. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_client_id", updatable = false)
    public IntegrationClient owner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id")
    public Org org;

    public String url;

    /** {@link FeedDtos.FeedType} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] types;

    public String secret;
    public boolean enabled = true;

    /** Written by the dispatcher in SQL; the entity only sets it at creation. */
    @Column(name = "cursor_seq", updatable = false)
    public long cursorSeq;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
