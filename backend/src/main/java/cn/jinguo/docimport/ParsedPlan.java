package cn.jinguo.docimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Everything {@link PlanParser} read from one text; absent values are null. */
record ParsedPlan(
        String text,
        Found<String> title,
        Found<String> theme,
        Found<LocalDate> periodStart,
        Found<LocalDate> periodEnd,
        List<ParsedNotice.Section> sections,
        List<Item> items) {

    /** A planned activity or work item; {@code section} is the heading of the part it belongs to. */
    record Item(
            String section,
            Found<String> title,
            String description,
            Found<LocalDate> startsOn,
            Found<LocalDate> endsOn,
            Found<String> location,
            Found<String> partners,
            Found<BigDecimal> target,
            String targetUnit) {}

    /** The values found, named as in the API's {@code fields[]} ("title", "items[3].target"). */
    List<ParsedNotice.Field> fields() {
        List<ParsedNotice.Field> out = new ArrayList<>();
        add(out, "title", title);
        add(out, "theme", theme);
        add(out, "periodStart", string(periodStart));
        add(out, "periodEnd", string(periodEnd));
        for (int i = 0; i < sections.size(); i++)
            add(out, "sections[" + i + "]", sections.get(i).heading());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String name = "items[" + i + "]";
            add(out, name + ".title", item.title());
            add(out, name + ".startsOn", string(item.startsOn()));
            add(out, name + ".endsOn", string(item.endsOn()));
            add(out, name + ".location", item.location());
            add(out, name + ".partners", item.partners());
            add(
                    out,
                    name + ".target",
                    item.target() == null ? null : item.target().map(v -> v.toPlainString() + " " + item.targetUnit()));
        }
        return out;
    }

    private static void add(List<ParsedNotice.Field> out, String name, Found<String> found) {
        if (found != null && found.value() != null) out.add(new ParsedNotice.Field(name, found));
    }

    private static <T> Found<String> string(Found<T> f) {
        return f == null ? null : f.map(String::valueOf);
    }
}
