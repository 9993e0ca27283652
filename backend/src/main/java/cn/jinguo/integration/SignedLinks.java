package cn.jinguo.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Download links for the feed's media that need no token but expire: HMAC-SHA256 over the file id and the expiry.
 * The key comes from jinguo.integration.link-secret (JINGUO_LINK_SECRET); without one a random key is made at start,
 * so links end with a restart and differ between instances (the log says so).
 */
@ApplicationScoped
public class SignedLinks {
    private static final Logger LOG = Logger.getLogger(SignedLinks.class);

    @ConfigProperty(name = "jinguo.integration.link-secret")
    Optional<String> secret;

    @ConfigProperty(name = "jinguo.integration.link-validity", defaultValue = "PT1H")
    Duration validity;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        byte[] bytes;
        if (secret.isPresent() && !secret.get().isBlank()) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            LOG.warn("jinguo.integration.link-secret (JINGUO_LINK_SECRET) is not set: media links of the feed end with"
                    + " a restart and are valid on this instance only");
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public Instant expiry() {
        return Instant.now().plus(validity);
    }

    public String signature(String fileId, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((fileId + ":" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the link is genuine and not expired (constant-time comparison). */
    public boolean valid(String fileId, long expiresEpochSecond, String signature) {
        if (signature == null || Instant.now().getEpochSecond() > expiresEpochSecond) return false;
        return MessageDigest.isEqual(
                signature(fileId, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
