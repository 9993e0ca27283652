package cn.jinguo.org;

import jakarta.persistence.EntityManager;

/**
 * Fired inside the transaction of {@link OrgService#move} once the subtree's org paths are rewritten. Tables that copy
 * an org's path (audit events, receipts, packages) observe it and follow, so that what they scope by is the org's
 * place in the tree now: the new ancestors see the moved orgs' history, the old ones no longer do. The integration
 * outbox does not: a feed record states where its org stood when it was written.
 */
public record SubtreeMoved(String oldPrefix, String newPrefix) {
    /** Rewrites {@code column} of {@code table} (fixed names, never input) under the old prefix; returns the rows. */
    public int rebase(EntityManager em, String table, String column) {
        return em.createNativeQuery("update " + table + " set " + column + " = :newPrefix || substring(" + column
                        + " from :cut) where " + column + " like :like")
                .setParameter("newPrefix", newPrefix)
                .setParameter("cut", oldPrefix.length() + 1)
                .setParameter("like", oldPrefix + "%")
                .executeUpdate();
    }
}
