package cn.jinguo.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A bulk import of orgs from a spreadsheet, with its progress and per-row errors. */
@Entity
@Table(name = "org_import_job")
public class ImportJob {
    public enum Status {
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String actor;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    @Column(name = "total_rows")
    public int totalRows;

    public int processed;
    public int created;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OrgDtos.ImportError> errors = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "finished_at")
    public Instant finishedAt;
}
