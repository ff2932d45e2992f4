package io.maap.actionplan.aspect.command;

import java.util.Map;
import java.util.Optional;

/** The aspects findings may be recorded under: the defaults and the partnership's own. */
public interface AspectCatalogue {

    /** Every known aspect code with its label, defaults first. */
    Map<String, String> aspects();

    default Optional<String> label(String aspect) {
        return Optional.ofNullable(aspects().get(aspect));
    }
}
