package cn.jinguo.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload under way: declared up front (name, size, org), filled chunk by chunk at increasing offsets
 * into a part file, stored as a {@link StoredFile} when the last byte arrives. Belongs to the person who started
 * it; expires when no chunk arrives for a while.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {
    /** Random, so an upload's address reveals nothing (the owner check still applies). */
    @Id
    public UUID id;

    @Column(name = "org_id")
    public Long orgId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "file_name")
    public String fileName;

    /** What the client said the type was; kept for support only, the stored type is sniffed. */
    @Column(name = "claimed_type")
    public String claimedType;

    @Column(name = "size_bytes")
    public long size;

    @Column(name = "received_bytes")
    public long received;

    /** The stored file once complete. */
    @Column(name = "file_id")
    public Long fileId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
