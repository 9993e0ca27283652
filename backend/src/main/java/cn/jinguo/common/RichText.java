package cn.jinguo.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text as editors write it (paragraphs, emphasis, lists, simple tables, links), cleaned on the way in so
 * that what is stored can be rendered as is: no scripts, no event handlers, no styles, no foreign frames.
 */
public final class RichText {
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img") // images are attachments, not hot-links in the body
            .addAttributes("p", "class")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addProtocols("a", "href", "https", "http", "mailto");

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

    private RichText() {}

    public static String sanitize(String html) {
        if (html == null) return "";
        return Jsoup.clean(html, "", SAFE, OUTPUT).trim();
    }

    /** The text a reader sees, for search and summaries. */
    public static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
