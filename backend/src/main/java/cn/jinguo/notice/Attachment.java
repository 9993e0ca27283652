package cn.jinguo.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of 附件说明: a stored file and the title printed for it ("1. 活动报名表"). */
@Embeddable
public class Attachment {
    @Column(name = "file_id")
    public Long fileId;

    public String title;

    public Attachment() {}

    Attachment(Long fileId, String title) {
        this.fileId = fileId;
        this.title = title;
    }
}
