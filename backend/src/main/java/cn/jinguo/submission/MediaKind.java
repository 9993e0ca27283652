package cn.jinguo.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a medium of an activity entry is; photos and videos are files, links are URLs, articles either. */
@Schema(description = "素材类型 / medium: PHOTO 照片, VIDEO 视频, ARTICLE 文章（文件或链接）, LINK 新媒体链接")
public enum MediaKind {
    PHOTO,
    VIDEO,
    ARTICLE,
    LINK
}
