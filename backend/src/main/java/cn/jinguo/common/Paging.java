package cn.jinguo.common;

import java.util.List;

/** Paging parameters, checked in one place: page ≥ 0, 1 ≤ size ≤ 200. */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 200;

    public Paging {
        if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            throw new ApiException(
                    400, "PAGE_INVALID", List.of(new Problem.FieldError("page", "Min", "validation.page")), MAX_SIZE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(
                    400, "PAGE_INVALID", List.of(new Problem.FieldError("size", "Range", "validation.size")), MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
