package cn.jinguo.docimport;

import java.util.List;

/** Paragraphs of the source as the editors' rich text: one {@code <p>} each, numbered headings in bold. */
final class Html {
    private Html() {}

    static String of(List<Layout.Para> paras) {
        StringBuilder html = new StringBuilder();
        for (Layout.Para p : paras) {
            boolean heading = Numbering.leading(p.text()) != null && Layout.pureHeading(p.text());
            html.append(heading ? "<p><strong>" : "<p>")
                    .append(escape(p.text()))
                    .append(heading ? "</strong></p>" : "</p>");
        }
        return html.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
