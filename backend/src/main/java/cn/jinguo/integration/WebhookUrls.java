package cn.jinguo.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may point: https (http only where configured, as on a developer's machine), and never at loopback,
 * private, link-local or other internal addresses unless configured (a subscriber must not make the server call into
 * its own network). Checked when a webhook is saved and again before every send, against what the name resolves to
 * then.
 */
@ApplicationScoped
public class WebhookUrls {
    @ConfigProperty(name = "jinguo.webhooks.allow-http", defaultValue = "false")
    boolean allowHttp;

    @ConfigProperty(name = "jinguo.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    /** Why the URL is refused (a message key), or null when it may be called. */
    public String refusal(String url) {
        return refusal(url, allowHttp, allowPrivate);
    }

    static String refusal(String url, boolean allowHttp, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "WEBHOOK_URL_INVALID";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) return "WEBHOOK_URL_HTTPS";
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null)
            return "WEBHOOK_URL_INVALID";
        if (allowPrivate) return null;
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (internal(a)) return "WEBHOOK_URL_PRIVATE";
            }
        } catch (UnknownHostException e) {
            return "WEBHOOK_URL_UNRESOLVED";
        }
        return null;
    }

    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
