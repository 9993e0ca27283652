package cn.jinguo.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localized messages (messages_zh / messages_en bundles); Chinese unless the client prefers English. */
@ApplicationScoped
public class Messages {
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    public static Locale locale(HttpHeaders headers) {
        if (headers == null) return ZH;
        List<Locale> wanted = headers.getAcceptableLanguages();
        for (Locale l : wanted) {
            if ("zh".equals(l.getLanguage())) return ZH;
            if ("en".equals(l.getLanguage())) return Locale.ENGLISH;
        }
        return ZH;
    }

    public String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                "en".equals(locale.getLanguage()) ? Locale.ROOT : ZH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return ResourceBundle.getBundle("messages", Locale.ROOT).containsKey(key);
    }
}
