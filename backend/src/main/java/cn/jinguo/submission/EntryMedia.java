package cn.jinguo.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A photo, video, article or new-media link of an activity entry: a stored file or a URL. */
@Embeddable
public class EntryMedia {
    @Enumerated(EnumType.STRING)
    public MediaKind kind;

    @Column(name = "file_id")
    public Long fileId;

    public String url;
    public String title;

    public EntryMedia() {}

    public EntryMedia(MediaKind kind, Long fileId, String url, String title) {
        this.kind = kind;
        this.fileId = fileId;
        this.url = url;
        this.title = title;
    }
}
