package cn.jinguo.submission;

import cn.jinguo.account.DataScope;
import cn.jinguo.media.FileReaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Photos, videos and articles are readable by whoever may read a package carrying them. */
@ApplicationScoped
class SubmissionFiles implements FileReaders {
    @Inject
    EntityManager em;

    @Override
    public boolean mayRead(long fileId, DataScope scope) {
        DataScope.Filter own = scope.filter("o.path");
        DataScope.Filter issued = scope.filter("i.path");
        DataScope.Filter receiving = scope.filter("ro.path");
        // Same rule as SubmissionService.readable; the three filters bind the same parameters.
        var q = em.createNativeQuery(
                "select exists (select 1 from entry_media m join submission_entry e on e.id = m.entry_id"
                        + " join submission s on s.id = e.submission_id join org o on o.id = s.org_id"
                        + " join notice n on n.id = s.notice_id join org i on i.id = n.issuer_org_id"
                        + " left join org ro on ro.id = n.receiving_org_id where m.file_id = :file and ("
                        + own.condition()
                        + " or (s.revision > 0 and (" + issued.condition() + " or " + receiving.condition() + "))))",
                Boolean.class);
        own.params().forEach(q::setParameter);
        return (Boolean) q.setParameter("file", fileId).getSingleResult();
    }
}
