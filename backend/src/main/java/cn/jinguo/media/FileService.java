package cn.jinguo.media;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgService;
import io.quarkus.runtime.configuration.MemorySize;
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
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Uploads (limits, sniffing, hashing, storing) and who may read a stored file. */
@ApplicationScoped
public class FileService {
    static final int MAX_NAME = 255;

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

    @ConfigProperty(name = "jinguo.files.max-size")
    MemorySize maxSize;

    /** A file with the bytes to send. */
    public record Download(StoredFileView file, InputStream content) {}

    /**
     * Stores an uploaded file for {@code orgId}, whose members write notices (and attach files to them). The
     * temporary upload is read twice (type, hash) and copied once; nothing is stored when a check fails.
     */
    @Transactional
    public StoredFileView upload(String orgId, String clientName, Path upload) {
        if (orgId == null || orgId.isBlank()) throw ApiException.field("orgId", "NotBlank");
        Org org = orgs.visible(orgId);
        if (!scope.actsFor(org.id, Permission.NOTICE_WRITE))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.NOTICE_WRITE.key);
        if (upload == null) throw ApiException.badRequest("FILE_REQUIRED");
        try {
            long size = Files.size(upload);
            if (size == 0) throw ApiException.badRequest("FILE_EMPTY");
            if (size > maxSize.asLongValue())
                throw new ApiException(413, "FILE_TOO_LARGE", maxSize.asLongValue() / (1024 * 1024));
            String name = cleanName(clientName);
            String contentType = FileTypes.sniff(upload, name);
            String sha256 = sha256(upload);
            StoredFile f = new StoredFile();
            f.sha256 = sha256;
            f.size = size;
            f.contentType = contentType;
            f.fileName = name;
            f.storageKey = store.put(upload, sha256);
            f.ownerOrgId = org.id;
            f.uploadedBy = caller.username();
            em.persist(f);
            em.flush();
            audit.record(
                    "file.upload",
                    "file",
                    f.id,
                    org.id,
                    org.path,
                    "上传文件“" + name + "”（" + size + " 字节）",
                    Map.of("sha256", sha256, "contentType", contentType));
            return StoredFileView.of(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String sha256(Path file) throws IOException {
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
}
