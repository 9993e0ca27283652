package cn.jinguo.integration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Gives outbox rows their feed position (seq). Identity ids are taken when a row is inserted, but transactions commit
 * in another order: a reader that had passed id 102 would never see a 101 committed after it. So a row gets its seq
 * only once every transaction that could still add a smaller id has ended (its xid is older than the oldest running
 * one), and one assigner at a time (an advisory lock) hands seqs out in id order. A reader's cursor is a seq: every
 * row that later gets a seq gets a larger one. The feed lags the commit by about one run.
 */
@ApplicationScoped
public class FeedOrder {
    static final int BATCH = 20_000;

    @Inject
    EntityManager em;

    @Scheduled(
            every = "${jinguo.integration.feed-order-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        drain();
    }

    /** Orders everything settled, batch after batch. */
    public void drain() {
        while (assign() == BATCH) {
            // a backlog: keep going
        }
    }

    /** Orders what has settled; returns how many rows got a seq (0 when another assigner holds the lock). */
    public int assign() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(7310002)")
                    .getSingleResult();
            if (!mine) return 0;
            return em.createNativeQuery(
                            """
                            update integration_event e set seq = s.seq
                            from (select id, nextval('integration_event_seq_seq') as seq
                                  from (select id from integration_event
                                        where seq is null and xid < pg_snapshot_xmin(pg_current_snapshot())
                                        order by id limit :batch) settled
                                  order by id) s
                            where e.id = s.id""")
                    .setParameter("batch", BATCH)
                    .executeUpdate();
        });
    }
}
