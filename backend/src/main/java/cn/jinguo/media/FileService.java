package cn.jinguo.media;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Uploads (who, limits, sniffing, re-encoding, hashing, storing) and who may read a stored file. */
@ApplicationScoped
public class FileService {
    static final int MAX_NAME = 255;

    /**
     * Who uploads for an org: its own members who write something files are attached to — notices (attachments),
     * plans (plan attachments) or reports (activity photos, videos, articles). The one rule for every upload path.
     */
    static final Set<Permission> UPLOADERS =
            EnumSet.of(Permission.NOTICE_WRITE, Permission.PLAN_WRITE, Permission.REPORT_WRITE);

    @Inject
    EntityManager em;

    @Inject
    FileStore store;

    @Inject
    OrgService orgs;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Instance<FileReaders> readers;

    @Inject
    ImageProcessor images;

    @Inject
    MediaConfig config;

    /** A file with the bytes to send. */
    public record Download(StoredFileView file, InputStream content) {}

    /** A rendition of an image (thumbnail or display size) with the bytes to send. */
    public record Rendition(String contentType, String etag, InputStream content) {}

    /**
     * The org {@code orgId} when the caller may upload for it: 404 outside the caller's subtree, 403 unless a member
     * of the org itself with one of {@link #UPLOADERS} (a role above the org does not upload in its name).
     */
    Org uploadTarget(String orgId) {
        if (orgId == null || orgId.isBlank()) throw ApiException.field("orgId", "NotBlank");
        Org org = orgs.visible(orgId);
        if (UPLOADERS.stream().noneMatch(p -> scope.actsFor(org.id, p)))
            throw ApiException.forbidden(
                    "PERMISSION_REQUIRED", UPLOADERS.stream().map(p -> p.key).collect(Collectors.joining(" / ")));
        return org;
    }

    /** The largest file of this kind: videos may be larger, through an upload session. */
    long limitFor(FileKind kind) {
        return kind == FileKind.VIDEO
                ? Math.max(config.maxVideoSize().asLongValue(), config.maxSize().asLongValue())
                : config.maxSize().asLongValue();
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "FILE_TOO_LARGE", limit / (1024 * 1024));
    }

    /**
     * Stores a file uploaded in one request for {@code orgId}. The temporary upload is checked, re-encoded when it
     * is an image, hashed and put in the store before any transaction opens (decoding a large photo takes a
     * while, and no database connection should wait on it); the record and its audit event are then written
     * together. Nothing is recorded when a check fails.
     */
    public StoredFileView upload(String orgId, String clientName, Path upload) {
        Org org = QuarkusTransaction.requiringNew().call(() -> uploadTarget(orgId));
        if (upload == null) throw ApiException.badRequest("FILE_REQUIRED");
        try {
            long size = Files.size(upload);
            if (size == 0) throw ApiException.badRequest("FILE_EMPTY");
            if (size > config.maxSize().asLongValue())
                throw tooLarge(config.maxSize().asLongValue());
            String name = cleanName(clientName);
            Prepared prepared = prepare(name, upload, false);
            return QuarkusTransaction.requiringNew().call(() -> record(org, name, prepared, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checked file in the store, not yet recorded. */
    record Prepared(
            String contentType,
            long uploadedSize,
            String uploadedSha256,
            String sha256,
            long size,
            String storageKey,
            String thumbnailKey,
            String previewKey,
            Integer width,
            Integer height) {}

    /**
     * Checks a complete file and puts it in the store: sniffed against its name (415), and for an image decoded
     * and re-encoded (413/422), with its thumbnail and display size. {@code adopt}: the file is a temporary one of
     * ours (a finished upload session) that the store may move instead of copying; it is gone afterwards.
     */
    Prepared prepare(String name, Path upload, boolean adopt) throws IOException {
        long uploadedSize = Files.size(upload);
        String contentType = FileTypes.sniff(upload, name);
        if (FileTypes.kindOfType(contentType) != FileKind.IMAGE) {
            String sha = sha256(upload);
            String key = adopt ? store.adopt(upload, sha) : store.put(upload, sha);
            return new Prepared(contentType, uploadedSize, sha, sha, uploadedSize, key, null, null, null, null);
        }
        String uploadedSha = sha256(upload);
        try (ImageProcessor.Encoded encoded = images.reencode(upload, contentType)) {
            String sha = sha256(encoded.image());
            long size = Files.size(encoded.image());
            String key = store.adopt(encoded.image(), sha);
            String thumbnail = store.adopt(encoded.thumbnail(), sha256(encoded.thumbnail()));
            String preview =
                    encoded.preview() == null ? null : store.adopt(encoded.preview(), sha256(encoded.preview()));
            if (adopt) Files.deleteIfExists(upload);
            return new Prepared(
                    contentType,
                    uploadedSize,
                    uploadedSha,
                    sha,
                    size,
                    key,
                    thumbnail,
                    preview,
                    encoded.width(),
                    encoded.height());
        }
    }

    /** Records a prepared file for {@code org} with its audit event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    StoredFileView record(Org org, String name, Prepared p, boolean resumable) {
        StoredFile f = new StoredFile();
        f.contentType = p.contentType();
        f.fileName = name;
        f.ownerOrgId = org.id;
        f.uploadedBy = caller.username();
        f.sha256 = p.sha256();
        f.size = p.size();
        f.storageKey = p.storageKey();
        f.thumbnailKey = p.thumbnailKey();
        f.previewKey = p.previewKey();
        f.width = p.width();
        f.height = p.height();
        em.persist(f);
        em.flush();
        Map<String, Object> details = new HashMap<>();
        details.put("contentType", p.contentType());
        details.put("sha256", p.sha256());
        if (!p.uploadedSha256().equals(p.sha256())) {
            // re-encoded: what was uploaded is kept in the record of the upload only
            details.put("uploadedSha256", p.uploadedSha256());
            details.put("uploadedSize", p.uploadedSize());
        }
        if (resumable) details.put("resumable", true);
        audit.record(
                "file.upload",
                "file",
                f.id,
                org.id,
                org.path,
                "上传文件“" + name + "”（" + p.uploadedSize() + " 字节）",
                details);
        return StoredFileView.of(f);
    }

    @Transactional
    public StoredFileView get(String id) {
        return StoredFileView.of(readable(id));
    }

    @Transactional
    public Download download(String id) {
        StoredFile f = readable(id);
        try {
            return new Download(StoredFileView.of(f), store.open(f.storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file behind a link the server signed (the feed's media): the signature, checked by the caller, is the right. */
    @Transactional
    public Download downloadSigned(long id) {
        StoredFile f = em.find(StoredFile.class, id);
        if (f == null) throw ApiException.notFound("FILE_NOT_FOUND", id);
        try {
            return new Download(StoredFileView.of(f), store.open(f.storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG thumbnail of an image the caller may read; 404 FILE_NO_THUMBNAIL for other files. */
    @Transactional
    public Rendition thumbnail(String id) {
        StoredFile f = readable(id);
        if (f.thumbnailKey == null) throw ApiException.notFound("FILE_NO_THUMBNAIL", id);
        return rendition("image/jpeg", f.sha256 + "-t", f.thumbnailKey);
    }

    /** The display size of an image (JPEG), or the re-encoded image itself when it is no larger. */
    @Transactional
    public Rendition preview(String id) {
        StoredFile f = readable(id);
        if (f.thumbnailKey == null) throw ApiException.notFound("FILE_NO_THUMBNAIL", id);
        return f.previewKey != null
                ? rendition("image/jpeg", f.sha256 + "-p", f.previewKey)
                : rendition(f.contentType, f.sha256, f.storageKey);
    }

    private Rendition rendition(String contentType, String etag, String key) {
        try {
            return new Rendition(contentType, etag, store.open(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Views of files by id, in one query, for modules that show the files they reference (a submission's media):
     * no scope check here, the caller has checked that the referencing record is readable. Missing ids are absent.
     */
    @Transactional
    public Map<Long, StoredFileView> views(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return em.createQuery("select f from StoredFile f where f.id in :ids", StoredFile.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(f -> f.id, StoredFileView::of, (a, b) -> a));
    }

    /** Files of the caller's subtree, and files it reaches through a notice (or later a submission) it can read. */
    private StoredFile readable(String id) {
        Long key = Ids.parseOrNull(id);
        StoredFile f = key == null ? null : em.find(StoredFile.class, key);
        if (f == null) throw ApiException.notFound("FILE_NOT_FOUND", id);
        Org owner = em.find(Org.class, f.ownerOrgId);
        if (scope.covers(owner.path)) return f;
        for (FileReaders r : readers) if (r.mayRead(f.id, scope)) return f;
        throw ApiException.notFound("FILE_NOT_FOUND", id);
    }

    /** The last path segment (some browsers send a full path), without control characters, at most 255 chars. */
    static String cleanName(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) throw ApiException.badRequest("FILE_NAME_INVALID");
        if (name.length() > MAX_NAME) {
            String ext = FileTypes.extension(name);
            name = name.substring(0, MAX_NAME - ext.length() - 1) + "." + ext;
        }
        return name;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the upload API accepts, for clients to check before sending. */
    public FileDtos.FileLimits limits() {
        return new FileDtos.FileLimits(
                config.maxSize().asLongValue(),
                limitFor(FileKind.VIDEO),
                chunkSize(),
                chunkSize(),
                config.image().maxPixels(),
                config.image().thumbnailSize(),
                config.image().previewSize(),
                FileTypes.ALL.stream()
                        .map(t -> new FileDtos.AcceptedType(t.extension(), t.contentType(), t.kind()))
                        .toList());
    }

    long chunkSize() {
        return config.chunkSize().asLongValue();
    }
}
