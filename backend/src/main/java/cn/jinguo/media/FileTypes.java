package cn.jinguo.media;

import cn.jinguo.common.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * The file types an attachment may have, each recognised by its content rather than by the name or the header
 * the client sent: a renamed .exe is refused, and the content type we serve is the one we sniffed. Images are
 * only accepted in the formats javax.imageio decodes, because they are re-encoded before they are served.
 */
public final class FileTypes {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] SEVEN_Z = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] GIF = {'G', 'I', 'F', '8'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] WEBM_DOCTYPE = "webm".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis");
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    /** What a type looks like inside: the head of the file, and the file for containers (zip entries). */
    private record Kind(String contentType, FileKind kind, Predicate<byte[]> head, ZipCheck zip) {}

    /** An accepted type as the API lists it. */
    public record Accepted(String extension, String contentType, FileKind kind) {}

    @FunctionalInterface
    private interface ZipCheck {
        boolean test(ZipFile zip);
    }

    private static Kind ole2(String contentType) {
        return new Kind(contentType, FileKind.DOCUMENT, h -> startsWith(h, OLE2), null);
    }

    private static Kind office(String contentType, String entryPrefix) {
        return new Kind(contentType, FileKind.DOCUMENT, h -> startsWith(h, ZIP), z -> hasEntry(z, entryPrefix));
    }

    private static Kind image(String contentType, byte[] magic) {
        return new Kind(contentType, FileKind.IMAGE, h -> startsWith(h, magic), null);
    }

    private static final Map<String, Kind> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", FileKind.DOCUMENT, h -> startsWith(h, PDF), null)),
            // OFD (GB/T 33190), the Chinese fixed-layout document format: a zip with OFD.xml at its root.
            Map.entry(
                    "ofd",
                    new Kind(
                            "application/ofd",
                            FileKind.DOCUMENT,
                            h -> startsWith(h, ZIP),
                            z -> z.getEntry("OFD.xml") != null)),
            Map.entry("doc", ole2("application/msword")),
            Map.entry("wps", ole2("application/vnd.ms-works")),
            Map.entry("xls", ole2("application/vnd.ms-excel")),
            Map.entry("et", ole2("application/vnd.ms-excel")),
            Map.entry("ppt", ole2("application/vnd.ms-powerpoint")),
            Map.entry(
                    "docx", office("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/")),
            Map.entry("xlsx", office("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/")),
            Map.entry(
                    "pptx",
                    office("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/")),
            Map.entry(
                    "zip",
                    new Kind(
                            "application/zip",
                            FileKind.ARCHIVE,
                            h -> startsWith(h, ZIP) || startsWith(h, ZIP_EMPTY),
                            null)),
            Map.entry("rar", new Kind("application/vnd.rar", FileKind.ARCHIVE, h -> startsWith(h, RAR), null)),
            Map.entry(
                    "7z", new Kind("application/x-7z-compressed", FileKind.ARCHIVE, h -> startsWith(h, SEVEN_Z), null)),
            Map.entry("jpg", image("image/jpeg", JPEG)),
            Map.entry("jpeg", image("image/jpeg", JPEG)),
            Map.entry("png", image("image/png", PNG)),
            Map.entry("gif", image("image/gif", GIF)),
            Map.entry("mp4", new Kind("video/mp4", FileKind.VIDEO, h -> isoMedia(h) && !isHeif(h), null)),
            // QuickTime (iPhone videos): an ISO media file, or an old one that starts with a classic atom.
            Map.entry(
                    "mov",
                    new Kind(
                            "video/quicktime",
                            FileKind.VIDEO,
                            h -> (isoMedia(h) && !isHeif(h)) || quickTimeAtom(h),
                            null)),
            // WebM: Matroska (EBML) with the "webm" document type near the start.
            Map.entry(
                    "webm",
                    new Kind(
                            "video/webm",
                            FileKind.VIDEO,
                            h -> startsWith(h, EBML) && contains(h, WEBM_DOCTYPE, 64),
                            null)),
            Map.entry("txt", new Kind("text/plain; charset=UTF-8", FileKind.DOCUMENT, FileTypes::isText, null)));

    /**
     * Photo formats phones produce that javax.imageio cannot decode (it would need native codecs): refused with a
     * hint to send JPEG, rather than stored unchecked and served un-re-encoded.
     */
    private static final Set<String> UNDECODABLE_IMAGES = Set.of("heic", "heif", "webp", "avif");

    /** The accepted extensions, for error messages and the API description. */
    public static final String ACCEPTED = "pdf, ofd, doc, docx, wps, xls, xlsx, et, ppt, pptx, txt, zip, rar, 7z, jpg,"
            + " jpeg, png, gif, mp4, mov, webm";

    /** Every accepted type, in the order of {@link #ACCEPTED}. */
    public static final List<Accepted> ALL = Arrays.stream(ACCEPTED.split(",\\s*"))
            .map(ext -> new Accepted(
                    ext,
                    BY_EXTENSION.get(ext).contentType(),
                    BY_EXTENSION.get(ext).kind()))
            .toList();

    private FileTypes() {}

    /** The lower-case extension of a file name, or "" without one. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The content type to store and serve for the file, after checking that its content is what its name says.
     * 415 for an extension we do not take, or content that does not match it.
     */
    public static String sniff(Path file, String fileName) throws IOException {
        String ext = extension(fileName);
        Kind kind = accepted(ext);
        byte[] head = head(file);
        boolean ok = kind.head().test(head);
        if (!ok) refuseUndecodableImage(head);
        if (ok && kind.zip() != null) {
            // Only the central directory is read: nothing is inflated, so a zip bomb costs nothing here.
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ok = kind.zip().test(zip);
            } catch (IOException e) {
                ok = false;
            }
        }
        if (!ok) throw new ApiException(415, "FILE_CONTENT_MISMATCH", ext);
        return kind.contentType();
    }

    /**
     * What a file of this name will be, before any byte arrives (resumable uploads): 415 for an extension we do not
     * take.
     */
    public static FileKind kindOf(String fileName) {
        return accepted(extension(fileName)).kind();
    }

    /** The kind of a type this class sniffed. */
    public static FileKind kindOfType(String contentType) {
        for (Kind k : BY_EXTENSION.values()) if (k.contentType().equals(contentType)) return k.kind();
        return FileKind.DOCUMENT;
    }

    /**
     * Checks the first bytes of a file against its name, so a resumable upload of a renamed file is refused at
     * its first chunk rather than after its last. Containers (docx, ofd) are checked again when complete.
     */
    public static void checkHead(byte[] head, String fileName) {
        String ext = extension(fileName);
        if (accepted(ext).head().test(head)) return;
        refuseUndecodableImage(head);
        throw new ApiException(415, "FILE_CONTENT_MISMATCH", ext);
    }

    private static Kind accepted(String ext) {
        if (UNDECODABLE_IMAGES.contains(ext)) throw new ApiException(415, "FILE_IMAGE_FORMAT_UNSUPPORTED", ext);
        Kind kind = BY_EXTENSION.get(ext);
        if (kind == null) throw new ApiException(415, "FILE_TYPE_NOT_ALLOWED", ext.isEmpty() ? "?" : ext, ACCEPTED);
        return kind;
    }

    /** A HEIC or WebP photo renamed to .jpg says what it is, so the message can tell the user what to do. */
    private static void refuseUndecodableImage(byte[] head) {
        if (isHeif(head)) throw new ApiException(415, "FILE_IMAGE_FORMAT_UNSUPPORTED", "heic");
        if (startsWith(head, RIFF) && head.length >= 12 && Arrays.equals(head, 8, 12, WEBP, 0, 4))
            throw new ApiException(415, "FILE_IMAGE_FORMAT_UNSUPPORTED", "webp");
    }

    /** ISO base media (mp4, mov, heic): a box of type "ftyp" first. */
    private static boolean isoMedia(byte[] h) {
        return h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p';
    }

    /** An ISO media file whose major brand is a still image (HEIF, HEIC, AVIF). */
    private static boolean isHeif(byte[] h) {
        if (!isoMedia(h)) return false;
        String brand = new String(h, 8, 4, StandardCharsets.US_ASCII);
        return HEIF_BRANDS.contains(brand);
    }

    private static boolean quickTimeAtom(byte[] h) {
        if (h.length < 8) return false;
        String atom = new String(h, 4, 4, StandardCharsets.US_ASCII);
        return QUICKTIME_ATOMS.contains(atom);
    }

    private static boolean contains(byte[] h, byte[] needle, int within) {
        int end = Math.min(h.length, within) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(h, i, i + needle.length, needle, 0, needle.length)) return true;
        }
        return false;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8192);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean hasEntry(ZipFile zip, String prefix) {
        return zip.stream().anyMatch(e -> e.getName().startsWith(prefix));
    }

    /** UTF-8 text without NUL bytes (a character cut at the 8 KB boundary is fine). */
    private static boolean isText(byte[] head) {
        for (byte b : head) if (b == 0) return false;
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = head.length;
        // Up to three trailing bytes may belong to a character the 8 KB cut off.
        for (int trim = 0; trim <= 3 && end - trim >= 0; trim++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(head, 0, end - trim));
                return true;
            } catch (CharacterCodingException e) {
                if (head.length < 8192) return false;
            }
        }
        return false;
    }
}
