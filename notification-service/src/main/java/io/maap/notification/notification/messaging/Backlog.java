package io.maap.notification.notification.messaging;

import io.maap.notification.notification.query.ConsumedPositions;
import io.maap.notification.notification.query.ConsumedPositions.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether this service has read the case-returns topic up to an instant, so that a dated check
 * deciding from what was read (a safeguarding concern not acknowledged in time) does not decide
 * before a timely acknowledgement still in the backlog is read. A partition is read up to an
 * instant when the newest record handled from it was stamped at or after it (the watermark), or
 * when nothing in it is left unread: its position (the one this service recorded with what it did,
 * or the consumer group's commit, whichever is further) is at its end. Every partition must be.
 * When the broker cannot be asked, nothing is read up to anything: the check defers.
 */
public class Backlog {

    private static final Logger log = LoggerFactory.getLogger(Backlog.class);

    private final TopicOffsets offsets;
    private final ConsumedPositions positions;
    private final String topic;
    private final String group;

    public Backlog(TopicOffsets offsets, ConsumedPositions positions, String topic, String group) {
        this.offsets = offsets;
        this.positions = positions;
        this.topic = topic;
        this.group = group;
    }

    /** How far the topic is read now, asked of the broker and the database once: reuse it within one check. */
    public Predicate<Instant> readUpTo() {
        Map<Integer, TopicOffsets.Range> ranges;
        Map<Integer, Long> committed;
        try {
            ranges = offsets.ranges(topic);
            committed = offsets.committed(group, topic);
        } catch (RuntimeException e) {
            log.warn("Cannot tell how far {} is read ({}); escalations due wait for the next check", topic, e.toString());
            return instant -> false;
        }
        Map<Integer, Position> recorded = positions.of(topic);
        return instant -> readUpTo(instant, ranges, recorded, committed);
    }

    static boolean readUpTo(Instant instant, Map<Integer, TopicOffsets.Range> ranges, Map<Integer, Position> recorded,
                            Map<Integer, Long> committed) {
        return ranges.entrySet().stream().allMatch(partition -> {
            TopicOffsets.Range range = partition.getValue();
            Position position = recorded.get(partition.getKey());
            long read = Math.max(position == null ? range.start() : position.nextOffset(),
                    committed.getOrDefault(partition.getKey(), range.start()));
            return read >= range.end() || position != null && !position.newestRecordAt().isBefore(instant);
        });
    }
}
