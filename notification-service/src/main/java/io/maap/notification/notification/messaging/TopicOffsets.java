package io.maap.notification.notification.messaging;

import java.util.Map;

/** What the broker says of a topic's partitions and of a consumer group's progress through them. */
public interface TopicOffsets {

    /** One partition's records still held: from {@code start} to one before {@code end}. */
    record Range(long start, long end) {
    }

    /** Every partition of {@code topic}, by number. */
    Map<Integer, Range> ranges(String topic);

    /** The offsets {@code group} has committed on {@code topic}, by partition (none: absent). */
    Map<Integer, Long> committed(String group, String topic);
}
