package cn.jinguo.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An organization in the federation's tree. {@code path} is the materialized path of ids, "/1/42/977/". */
@Entity
@Table(name = "org")
public class Org {
    // A sequence (the identity column's own) so the id, and with it the path, is known before the insert.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_id")
    @SequenceGenerator(name = "org_id", sequenceName = "org_id_seq", allocationSize = 1)
    public Long id;
    public String code;
    public String name;
    @Column(name = "short_name") public String shortName;
    @Enumerated(EnumType.STRING) public OrgType type;
    @Enumerated(EnumType.STRING) public FederationLevel level;
    @Column(name = "parent_id") public Long parentId;
    public String path;
    public int depth;
    @Column(name = "sort_order") public int sortOrder;
    @Column(name = "contact_person") public String contactPerson;
    @Column(name = "contact_phone") public String contactPhone;
    @Column(name = "contact_email") public String contactEmail;
    @Column(name = "opened_on") public LocalDate openedOn;
    @Column(name = "closed_on") public LocalDate closedOn;
    public boolean active = true;
    @Version public int version;
    @Column(name = "created_at", insertable = false, updatable = false) public Instant createdAt;
    @Column(name = "updated_at") public Instant updatedAt;

    public boolean isAncestorOf(Org other) {
        return other.path.startsWith(path) && !other.path.equals(path);
    }

    /** Path of a child of this org, given the child's id. */
    public String childPath(long childId) {
        return path + childId + "/";
    }
}
