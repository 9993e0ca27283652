package cn.jinguo.media;

import cn.jinguo.account.Caller;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.media.FileDtos.UploadStart;
import cn.jinguo.media.FileDtos.UploadView;
import cn.jinguo.org.Org;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resumable uploads, in the spirit of tus: a session is declared (org, name, size), chunks are appended at the
 * offset the server has reached (409 otherwise), and the last byte turns the part into a stored file exactly as a
 * one-request upload would be (sniffed, re-encoded when an image, hashed). A chunk is all or nothing: it is
 * received into a temporary file before the session row is locked, so a slow connection holds no transaction,
 * and a broken one leaves the offset where it was.
 */
@ApplicationScoped
public class UploadService {
    private static final Logger LOG = Logger.getLogger(UploadService.class);

    /** Bytes of the first chunk checked against the file name before more is accepted. */
    private static final int HEAD = 8192;

    @Inject
    EntityManager em;

    @Inject
    FileService files;

    @Inject
    MediaConfig config;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    private Path dir;

    @PostConstruct
    void init() {
        dir = config.uploadDir()
                .orElse(config.dir().resolve(".uploads"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Declares an upload for {@code orgId}: the same rule as a one-request upload (404 outside the caller's
     * subtree, 403 without the right), the type taken from the name (415), the size checked against the limit of
     * its kind (413: videos may be larger), at most {@code max-open-uploads} unfinished per person (429).
     */
    @Transactional
    public UploadView start(@NotNull @Valid UploadStart in) {
        Org org = files.uploadTarget(in.orgId());
        String name = FileService.cleanName(in.fileName());
        long limit = files.limitFor(FileTypes.kindOf(name));
        if (in.size() > limit) throw FileService.tooLarge(limit);
        long open = em.createQuery(
                        "select count(s) from UploadSession s where s.createdBy = :me and s.fileId is null"
                                + " and s.expiresAt > :now",
                        Long.class)
                .setParameter("me", caller.username())
                .setParameter("now", Instant.now())
                .getSingleResult();
        if (open >= config.maxOpenUploads()) throw new ApiException(429, "UPLOAD_TOO_MANY", config.maxOpenUploads());
        UploadSession s = new UploadSession();
        s.id = UUID.randomUUID();
        s.orgId = org.id;
        s.createdBy = caller.username();
        s.fileName = name;
        s.claimedType = in.contentType();
        s.size = in.size();
        touch(s);
        em.persist(s);
        audit.record(
                "upload.start",
                "upload",
                s.id,
                org.id,
                org.path,
                "开始分片上传“" + name + "”（" + s.size + " 字节）",
                Map.of("size", s.size, "fileName", name));
        return view(s, null);
    }

    /** Where an upload stands: the offset to resume from, and the stored file once complete. */
    @Transactional
    public UploadView get(String id) {
        UploadSession s = owned(id, false);
        return view(s, stored(s));
    }

    /**
     * Appends one chunk at {@code offsetHeader}. 409 when the offset is not what the server has received, 413 for
     * a chunk larger than the chunk size or than what remains of the declared size (nothing is written then).
     * The last chunk stores the file and the answer carries it.
     */
    public UploadView append(String id, String offsetHeader, InputStream body) {
        long offset = parseOffset(offsetHeader);
        UploadSession before = QuarkusTransaction.requiringNew().call(() -> {
            UploadSession s = owned(id, false);
            expect(s, offset);
            em.detach(s);
            return s;
        });
        long remaining = before.size - offset;
        long maxChunk = files.chunkSize();
        Path chunk = null;
        try {
            Files.createDirectories(dir);
            chunk = Files.createTempFile(dir, before.id + "-", ".chunk");
            long received;
            try (OutputStream out = Files.newOutputStream(chunk)) {
                received = copy(body, out, Math.min(remaining, maxChunk));
            }
            // One more byte than allowed is read, never written.
            if (body.read() >= 0) {
                if (remaining <= maxChunk) throw new ApiException(413, "UPLOAD_EXCEEDS_SIZE", remaining);
                throw new ApiException(413, "UPLOAD_CHUNK_TOO_LARGE", maxChunk / (1024 * 1024));
            }
            if (offset == 0 && received > 0 && (received >= HEAD || received == before.size)) {
                checkHead(before, chunk);
            }
            Path part = part(before.id);
            final Path source = chunk;
            UploadSession after;
            try {
                after = QuarkusTransaction.requiringNew().call(() -> {
                    UploadSession s = owned(id, true);
                    expect(s, offset);
                    if (received > 0) {
                        appendTo(part, source, offset);
                        s.received = offset + received;
                    }
                    touch(s);
                    em.flush();
                    em.detach(s);
                    return s;
                });
            } catch (ApiException e) {
                if (e.code().equals("UPLOAD_LOST")) discard(id);
                throw e;
            }
            if (after.received == after.size) return finish(id);
            return view(after, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(chunk);
        }
    }

    /** Cancels an upload and drops what was received; a finished upload's file stays. */
    @Transactional
    public void cancel(String id) {
        UploadSession s = owned(id, true);
        em.remove(s);
        deleteQuietly(part(s.id));
        if (s.fileId == null) {
            Org org = em.find(Org.class, s.orgId);
            audit.record(
                    "upload.cancel",
                    "upload",
                    s.id,
                    org.id,
                    org.path,
                    "取消分片上传“" + s.fileName + "”（已收到 " + s.received + " / " + s.size + " 字节）",
                    Map.of("received", s.received, "size", s.size));
        }
    }

    @Scheduled(every = "${jinguo.files.upload-cleanup:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanupOnSchedule() {
        int removed = purgeExpired();
        if (removed > 0) LOG.infof("Removed %d expired upload sessions", removed);
    }

    /**
     * Removes expired sessions (finished or not) and their parts, and part files older than the time to live that
     * no session can still use (left by a crash). Returns the number of sessions removed.
     */
    public int purgeExpired() {
        @SuppressWarnings("unchecked")
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from upload_session where id in (select id from upload_session"
                                + " where expires_at < now() limit 1000) returning id",
                        UUID.class)
                .getResultList());
        expired.forEach(id -> deleteQuietly(part(id)));
        Instant stale = Instant.now().minus(config.uploadTtl());
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir)) {
                for (Path p : parts) {
                    // A live session appended within the time to live, so its part is newer than this.
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(stale)) deleteQuietly(p);
                }
            } catch (IOException e) {
                LOG.warnf(e, "Could not sweep %s", dir);
            }
        }
        return expired.size();
    }

    /** The last chunk arrived: store the file once (the row lock makes concurrent finishers wait and see it). */
    private UploadView finish(String id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                UploadSession s = owned(id, true);
                if (s.fileId != null) return view(s, stored(s));
                Org org = files.uploadTarget(s.orgId.toString());
                Path part = part(s.id);
                if (!Files.isRegularFile(part) || Files.size(part) != s.size)
                    throw ApiException.conflict("UPLOAD_LOST");
                // In the lock: a retried last chunk waits here and then finds the file.
                StoredFileView file = files.record(org, s.fileName, files.prepare(s.fileName, part, true), true);
                s.fileId = Long.valueOf(file.id());
                touch(s);
                return view(s, file);
            });
        } catch (ApiException e) {
            // Content refused (wrong type, undecodable or too large an image, lost part): the upload cannot
            // succeed by resending, so nothing of it is kept.
            if (e.status() != 403 && e.status() != 404) discard(id);
            throw e;
        }
    }

    /** The first bytes must be what the name says: a renamed file is refused at its first chunk, not its last. */
    private void checkHead(UploadSession s, Path chunk) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(chunk)) {
            head = in.readNBytes(HEAD);
        }
        try {
            FileTypes.checkHead(head, s.fileName);
        } catch (ApiException e) {
            discard(s.id.toString());
            throw e;
        }
    }

    private static void appendTo(Path part, Path chunk, long offset) {
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileChannel in = FileChannel.open(chunk, StandardOpenOption.READ)) {
            // Shorter than what was acknowledged: the part was lost (disk replaced, swept); longer: a chunk whose
            // transaction failed after writing, which this one overwrites.
            if (out.size() < offset) throw ApiException.conflict("UPLOAD_LOST");
            out.truncate(offset);
            long size = in.size();
            for (long done = 0; done < size; ) done += in.transferTo(done, size - done, out.position(offset + done));
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard(String id) {
        UUID key = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from UploadSession s where s.id = :id")
                .setParameter("id", key)
                .executeUpdate());
        deleteQuietly(part(key));
    }

    /** The caller's own live session, with its org still one it uploads for; 404 otherwise. */
    private UploadSession owned(String id, boolean lock) {
        UUID key = parseId(id);
        UploadSession s = key == null
                ? null
                : em.find(UploadSession.class, key, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (s == null || !s.createdBy.equals(caller.username()) || !s.expiresAt.isAfter(Instant.now()))
            throw ApiException.notFound("UPLOAD_NOT_FOUND", id);
        files.uploadTarget(s.orgId.toString());
        return s;
    }

    private static void expect(UploadSession s, long offset) {
        if (s.fileId != null) throw ApiException.conflict("UPLOAD_COMPLETE");
        if (s.received != offset)
            throw ApiException.conflict("UPLOAD_OFFSET_MISMATCH", Long.toString(offset), Long.toString(s.received));
    }

    private void touch(UploadSession s) {
        Instant now = Instant.now();
        s.updatedAt = now;
        s.expiresAt = now.plus(config.uploadTtl());
    }

    private StoredFileView stored(UploadSession s) {
        return s.fileId == null ? null : StoredFileView.of(em.find(StoredFile.class, s.fileId));
    }

    private UploadView view(UploadSession s, StoredFileView file) {
        return new UploadView(
                s.id.toString(),
                s.orgId.toString(),
                s.fileName,
                s.size,
                s.received,
                files.chunkSize(),
                s.expiresAt,
                file);
    }

    private Path part(UUID id) {
        return dir.resolve(id + ".part");
    }

    private static UUID parseId(String id) {
        if (id == null || id.length() != 36) return null;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long parseOffset(String header) {
        try {
            long offset = Long.parseLong(header == null ? "" : header.strip());
            if (offset >= 0) return offset;
        } catch (NumberFormatException e) {
            // the problem below
        }
        throw ApiException.badRequest("UPLOAD_OFFSET_INVALID");
    }

    /** Copies at most {@code max} bytes; returns how many. */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total));
            if (n < 0) break;
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete %s", p);
        }
    }
}
