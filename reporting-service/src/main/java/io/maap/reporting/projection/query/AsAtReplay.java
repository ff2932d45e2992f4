package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.messaging.LogPositions;
import io.maap.reporting.projection.messaging.RecordTimeIndex;
import io.maap.reporting.projection.messaging.WriteBehind;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Fills a generation with the read models as at an instant, from the event topics: from empty
 * (every event whose time is at or before the instant), or on top of a generation already
 * computed as at an earlier instant T0 whose replay read the topics up to positions P0 (ADR 0023):
 * only the events it lacks are applied, those before P0 with a time after T0 and those from P0
 * on with a time at or before the instant. Records are judged by the time in their header
 * before they are parsed, so the others cost a header's read, and stretches of the log that a
 * {@link RecordTimeIndex} shows hold none of them are passed over unread. The base's documents keep the
 * sequences they reflect, and the writer reads them before its first update of each, so an
 * event that reaches the replay twice changes nothing, as in a replay from empty. As in a
 * rebuild, each poll's writes run on a thread of their own while the next poll is read and
 * applied ({@link WriteBehind}), and all of them have run, and the collections written have their
 * indexes, when {@link #fill} returns. A replay from empty writes the programmes' figures documents
 * from its documents at the end, as a rebuild does ({@link ProjectionStore#figuresFromDocuments()});
 * one on top of a base writes them with the documents, each poll.
 */
final class AsAtReplay {

    private final EventLog eventLog;
    private final Projections projections;

    AsAtReplay(EventLog eventLog, Projections projections) {
        this.eventLog = eventLog;
        this.projections = projections;
    }

    /**
     * Replays into {@code target} (empty, or already holding {@code base}'s documents), up to the
     * topics' end now.
     *
     * @param base what {@code target} holds already, or null when it starts empty
     * @param index the records' times as the last checkpoint run found them: stretches of the log it
     *              shows hold nothing this replay keeps are passed over unread
     * @return where the replay read the topics to
     */
    LogPositions fill(Instant instant, ProjectionStore target, AsAtGenerations.Computed base, RecordTimeIndex index) {
        ProjectionStore writer;
        EventLog.Reader.RecordFilter keep;
        Predicate<RecordTimeIndex.Block> mayHoldKept;
        if (base == null) {
            writer = target.batchingAsOnlyWriterFiguresLast();
            keep = (position, time) -> time == null || !time.isAfter(instant);
            mayHoldKept = block -> block.untimed() || block.mayHoldAtOrBefore(instant);
        } else {
            writer = target.batchingAsOnlyWriterOfCopy();
            LogPositions seen = base.positions();
            Instant from = base.instant();
            keep = (position, time) -> seen.seen(position)
                    ? time != null && time.isAfter(from) && !time.isAfter(instant)
                    : time == null || !time.isAfter(instant);
            mayHoldKept = block -> {
                Long end = seen.end(block.topic(), block.partition());
                long seenEnd = end == null ? 0 : end;
                boolean seenPart = block.from() < seenEnd && block.mayHoldBetween(from, instant);
                boolean unseenPart = block.to() > seenEnd && (block.untimed() || block.mayHoldAtOrBefore(instant));
                return seenPart || unseenPart;
            };
        }
        try (EventLog.Reader reader = eventLog.open(); WriteBehind writes = new WriteBehind("as-at-replay-writes")) {
            RecordTimeIndex.Spans passOver = index.passOver(mayHoldKept, reader.endsNow());
            LogPositions read = reader.readBatchesToEnd(keep, passOver, events -> {
                int unreadable = projections.applyKept(events.stream()
                        .filter(event -> event.time() == null || !event.time().toInstant().isAfter(instant))
                        .toList(), writer);
                writes.submit(writer.takeFlush());
                return unreadable;
            });
            writes.awaitAll();
            writer.indexWritten();
            if (base == null) {
                writer.figuresFromDocuments();
            }
            return read;
        }
    }
}
