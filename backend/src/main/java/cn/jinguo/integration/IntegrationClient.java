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

/** A machine client (集成客户端): a Keycloak client whose tokens act in {@link #org}'s subtree within its scopes. */
@Entity
@Table(name = "integration_client")
public class IntegrationClient {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", updatable = false)
    public String clientId;

    public String name;
    public String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id")
    public Org org;

    /** {@link cn.jinguo.account.ClientScope} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] scopes;

    public boolean enabled = true;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
