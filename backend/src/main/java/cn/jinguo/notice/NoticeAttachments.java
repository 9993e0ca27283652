package cn.jinguo.notice;

import cn.jinguo.account.DataScope;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.media.FileReaders;
import cn.jinguo.media.FileTypes;
import cn.jinguo.media.StoredFile;
import cn.jinguo.notice.NoticeDtos.AttachmentInput;
import cn.jinguo.notice.NoticeDtos.AttachmentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 附件: which files a notice may attach, how they are shown, and who reads them through a notice. */
@ApplicationScoped
class NoticeAttachments implements FileReaders {
    @Inject
    EntityManager em;

    /**
     * The attachments for {@code n}: each file uploaded for the issuer, or already attached to this notice or to
     * the notice it re-issues (a re-issue passes its parent's attachments on). One query for the whole list.
     */
    List<Attachment> resolve(Notice n, List<AttachmentInput> in) {
        if (in == null || in.isEmpty()) return List.of();
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            Long id = Ids.parseOrNull(in.get(i).fileId());
            if (id == null) throw ApiException.field("attachments[" + i + "].fileId", "Invalid");
            if (!seen.add(id)) throw ApiException.rule("NOTICE_ATTACHMENT_DUPLICATE", id);
            ids.add(id);
        }
        Map<Long, String> names = new HashMap<>();
        em.createQuery(
                        "select f.id, f.fileName from StoredFile f where f.id in :ids and (f.ownerOrgId = :issuer"
                                + " or exists (select 1 from Notice x join x.attachments a where a.fileId = f.id"
                                + " and x.id in (:self, :parent)))",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("issuer", n.issuer.id)
                .setParameter("self", n.id == null ? -1L : n.id)
                .setParameter("parent", n.parentNoticeId == null ? -1L : n.parentNoticeId)
                .getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        List<Attachment> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (!names.containsKey(id)) throw ApiException.rule("NOTICE_ATTACHMENT_INVALID", id);
            String title = in.get(i).title() == null ? "" : in.get(i).title().strip();
            out.add(new Attachment(id, title.isEmpty() ? withoutExtension(names.get(id)) : title));
        }
        return out;
    }

    List<AttachmentView> views(Notice n) {
        if (n.attachments.isEmpty()) return List.of();
        Map<Long, StoredFile> files = em.createQuery("select f from StoredFile f where f.id in :ids", StoredFile.class)
                .setParameter("ids", n.attachments.stream().map(a -> a.fileId).toList())
                .getResultStream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
        return n.attachments.stream()
                .map(a -> {
                    StoredFile f = files.get(a.fileId);
                    return new AttachmentView(
                            a.fileId.toString(), a.title, f.fileName, f.contentType, f.size, f.sha256);
                })
                .toList();
    }

    /** Readable through a notice the caller can read: issued in its subtree, or (once published) received there. */
    @Override
    public boolean mayRead(long fileId, DataScope scope) {
        DataScope.Filter issued = scope.filter("i.path");
        DataScope.Filter received = scope.filter("r.org_path");
        var q = em.createNativeQuery(
                "select exists (select 1 from notice_attachment a join notice n on n.id = a.notice_id"
                        + " join org i on i.id = n.issuer_org_id where a.file_id = :file and ("
                        + issued.condition()
                        + " or (n.status <> 'DRAFT' and exists (select 1 from receipt r"
                        + " where r.notice_id = n.id and " + received.condition() + "))))",
                Boolean.class);
        issued.params().forEach(q::setParameter);
        received.params().forEach(q::setParameter);
        return (Boolean) q.setParameter("file", fileId).getSingleResult();
    }

    private static String withoutExtension(String name) {
        String ext = FileTypes.extension(name);
        String title = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
        return title.length() <= 200 ? title : title.substring(0, 200);
    }
}
