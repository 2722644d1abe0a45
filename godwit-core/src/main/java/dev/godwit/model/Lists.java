package dev.godwit.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The model's collection rules in one place: never null, immutable, sorted where order carries no meaning. */
final class Lists {

    private Lists() {
    }

    /** An immutable copy in the given order; null becomes empty. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An immutable copy sorted by {@code order}; null becomes empty. */
    static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** An immutable copy sorted by key; null becomes empty. */
    static Map<String, String> sorted(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
