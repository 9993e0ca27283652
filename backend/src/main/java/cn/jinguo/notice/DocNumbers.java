package cn.jinguo.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * 发文字号: issuer code + 〔year〕 + serial + 号 (GB/T 9704: hexagonal brackets, no zero padding, no 第). Serials
 * count per code and year. The counter row is updated in the publishing transaction: its lock makes concurrent
 * publishers wait in turn, and a publish that rolls back takes its increment with it, so there are no gaps.
 */
@ApplicationScoped
public class DocNumbers {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(long issuerCodeId, int year) {
        return ((Number) em.createNativeQuery(
                                """
                        insert into doc_serial (issuer_code_id, year, last_serial) values (:code, :year, 1)
                        on conflict (issuer_code_id, year) do update set last_serial = doc_serial.last_serial + 1
                        returning last_serial""")
                        .setParameter("code", issuerCodeId)
                        .setParameter("year", year)
                        .getSingleResult())
                .intValue();
    }

    /**
     * Numbering continues after {@code lastIssued}: for a code that issued serials outside the platform (on paper,
     * before it), so that the next publish takes {@code lastIssued + 1}. The counter is never lowered, so no number
     * is given twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void continueAfter(long issuerCodeId, int year, int lastIssued) {
        em.createNativeQuery(
                        """
                        insert into doc_serial (issuer_code_id, year, last_serial) values (:code, :year, :last)
                        on conflict (issuer_code_id, year)
                        do update set last_serial = greatest(doc_serial.last_serial, excluded.last_serial)""")
                .setParameter("code", issuerCodeId)
                .setParameter("year", year)
                .setParameter("last", lastIssued)
                .executeUpdate();
    }

    public static String format(String code, int year, int serial) {
        return code + "〔" + year + "〕" + serial + "号";
    }
}
