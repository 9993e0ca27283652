package cn.jinguo.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a stored file is for the people who see it: a photo, a video, a document or an archive. */
@Schema(description = "文件类别 / kind: IMAGE 图片（已重新编码，有缩略图）, VIDEO 视频, DOCUMENT 文档, ARCHIVE 压缩包")
public enum FileKind {
    IMAGE,
    VIDEO,
    DOCUMENT,
    ARCHIVE
}
