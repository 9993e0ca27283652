package cn.jinguo.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded file: what it is (sniffed, hashed), who owns it, and where the store keeps its bytes. For an image,
 * the bytes are our re-encoding of what was uploaded, and its size and hash are theirs.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sha256;

    @Column(name = "size_bytes")
    public long size;

    /** The type we sniffed, never the one the client claimed. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "owner_org_id")
    public Long ownerOrgId;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    /** Pixels of a re-encoded image (upright); null for other files. */
    public Integer width;

    public Integer height;

    /** The JPEG thumbnail of an image; null for other files. */
    @Column(name = "thumbnail_key")
    public String thumbnailKey;

    /** The JPEG display size of an image larger than it; null when the image itself is small enough. */
    @Column(name = "preview_key")
    public String previewKey;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
