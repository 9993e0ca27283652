package cn.jinguo.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the file and upload APIs read and write besides {@link StoredFileView}. */
public final class FileDtos {
    private FileDtos() {}

    @Schema(name = "AcceptedFileType", description = "可上传的一种文件类型 / an accepted file type")
    public record AcceptedType(
            @Schema(required = true, example = "jpg") String extension,
            @Schema(required = true, example = "image/jpeg") String contentType,
            @Schema(required = true, example = "IMAGE") FileKind kind) {}

    @Schema(name = "FileLimits", description = "上传限制，客户端据此在发送前提示 / upload limits, for clients to check before sending")
    public record FileLimits(
            @Schema(
                            required = true,
                            description = "单次上传（及非视频文件）的字节上限 / largest file in one request, and of any non-video",
                            example = "20971520")
                    long maxSize,
            @Schema(
                            required = true,
                            description = "视频的字节上限（须分片上传）/ largest video (sent through an upload session)",
                            example = "2147483648")
                    long maxVideoSize,
            @Schema(required = true, description = "建议的分片字节数 / chunk size to send", example = "8388608") long chunkSize,
            @Schema(
                            required = true,
                            description = "大于此字节数的文件建议分片（可续传）上传 / files above this size should use an upload session",
                            example = "8388608")
                    long resumableAbove,
            @Schema(required = true, description = "图片像素上限 / most pixels an image may have", example = "50000000")
                    long maxImagePixels,
            @Schema(required = true, description = "缩略图最长边 / longest side of thumbnails", example = "320")
                    int thumbnailSize,
            @Schema(required = true, description = "预览图最长边 / longest side of previews", example = "1600")
                    int previewSize,
            @Schema(required = true, description = "可上传的类型 / accepted types") List<AcceptedType> types) {}

    @Schema(
            name = "UploadStart",
            description = "开始一次分片（可续传）上传 / starts a resumable upload: what will be sent, for which org")
    public record UploadStart(
            @NotBlank @Schema(required = true, description = "文件所属单位 / owning org", example = "118") String orgId,
            @NotBlank @Size(max = 1000) @Schema(required = true, example = "三八节活动视频.mp4") String fileName,
            @NotNull @Positive @Schema(required = true, description = "文件总字节数 / total bytes", example = "734003200")
                    Long size,
            @Size(max = 100)
                    @Schema(
                            description = "客户端声称的类型，仅作参考：类型按内容识别 / the client's claim; the type is sniffed",
                            example = "video/mp4")
                    String contentType) {}

    @Schema(
            name = "Upload",
            description = "一次分片上传及其进度；完成后 file 为已保存的文件 / a resumable upload and its progress;"
                    + " file is set once the last byte arrived and the file was stored")
    public record UploadView(
            @Schema(required = true, example = "0b6f3c1e-6d1a-4c53-9d55-0d1c2f3a4b5c") String id,
            @Schema(required = true, example = "118") String orgId,
            @Schema(required = true, example = "三八节活动视频.mp4") String fileName,
            @Schema(required = true, description = "文件总字节数 / total bytes", example = "734003200") long size,
            @Schema(
                            required = true,
                            description = "服务器已收到的字节数，下一分片从这里开始 / bytes received: where the next chunk starts",
                            example = "16777216")
                    long offset,
            @Schema(required = true, description = "建议的分片字节数 / chunk size to send", example = "8388608") long chunkSize,
            @Schema(required = true, description = "未再收到分片时的过期时间 / expires when no chunk arrives before")
                    Instant expiresAt,
            @Schema(description = "完成后保存的文件 / the stored file, once complete") StoredFileView file) {}
}
