package cn.jinguo.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses authenticated callers that are neither an enabled account nor an enabled integration client before any
 * endpoint runs (403 problem).
 */
public class AccountFilter {
    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void requireAccount(ContainerRequestContext ctx) {
        if (!identity.isAnonymous()) caller.require();
    }
}
