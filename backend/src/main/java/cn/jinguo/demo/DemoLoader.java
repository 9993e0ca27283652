package cn.jinguo.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo city tree and demo accounts into an empty database when jinguo.demo.enabled (for `make run`), then
 * the demo notices and plans unless they exist already (see {@link DemoNotices}, {@link DemoPlans}).
 */
@ApplicationScoped
public class DemoLoader {
    private static final Logger LOG = Logger.getLogger(DemoLoader.class);

    @ConfigProperty(name = "jinguo.demo.enabled")
    boolean enabled;

    @Inject
    DemoNotices notices;

    @Inject
    DemoPlans plans;

    void onStart(@Observes StartupEvent ev, AgroalDataSource dataSource) throws Exception {
        if (!enabled) return;
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            int orgs = DemoTree.load(c);
            if (orgs > 0)
                LOG.infof("Demo data: %d organizations loaded in %d ms", orgs, (System.nanoTime() - t0) / 1_000_000);
        }
        long t1 = System.nanoTime();
        int published = notices.load();
        if (published > 0)
            LOG.infof("Demo data: %d notices published in %d ms", published, (System.nanoTime() - t1) / 1_000_000);
        long t2 = System.nanoTime();
        int written = plans.load();
        if (written > 0)
            LOG.infof("Demo data: %d activity plans written in %d ms", written, (System.nanoTime() - t2) / 1_000_000);
    }
}
