package dev.godwit.testkit;

import java.util.List;

/**
 * What a passing {@link Stairway} check walked.
 *
 * @param checked the migrations whose down section restored the schema, in the order applied
 * @param skipped the migrations without a down section, applied but not rolled back ({@code MissingDown.SKIP})
 */
public record StairwayResult(List<String> checked, List<String> skipped) {

    public StairwayResult {
        checked = List.copyOf(checked);
        skipped = List.copyOf(skipped);
    }
}
