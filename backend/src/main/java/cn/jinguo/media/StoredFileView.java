package cn.jinguo.media;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StoredFile", description = "已上传的文件 / an uploaded file")
public record StoredFileView(
        @Schema(required = true, example = "17") String id,
        @Schema(required = true, example = "2024年三八活动报名表.docx") String name,
        @Schema(
                        required = true,
                        description = "按内容识别的类型 / type recognised from the content",
                        example = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                String contentType,
        @Schema(required = true, description = "类别 / what the file is", example = "DOCUMENT") FileKind kind,
        @Schema(
                        required = true,
                        description = "字节数（图片为重新编码后的大小）/ bytes (of the re-encoded image for images)",
                        example = "24576")
                long size,
        @Schema(
                        required = true,
                        description = "SHA-256（十六进制），即下载内容的哈希 / hex SHA-256 of what is downloaded",
                        example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                String sha256,
        @Schema(required = true, example = "1") String ownerOrgId,
        @Schema(required = true) Instant uploadedAt,
        @Schema(description = "图片宽度（像素，已按拍摄方向摆正）/ image width in pixels, upright", example = "4032") Integer width,
        @Schema(description = "图片高度（像素）/ image height in pixels", example = "3024") Integer height,
        @Schema(
                        required = true,
                        description = "有缩略图（GET /files/{id}/thumbnail 与 /preview）/ has a thumbnail (and a preview)")
                boolean hasThumbnail) {
    public static StoredFileView of(StoredFile f) {
        return new StoredFileView(
                f.id.toString(),
                f.fileName,
                f.contentType,
                FileTypes.kindOfType(f.contentType),
                f.size,
                f.sha256,
                f.ownerOrgId.toString(),
                f.createdAt == null ? Instant.now() : f.createdAt,
                f.width,
                f.height,
                f.thumbnailKey != null);
    }
}
