package io.maap.reporting.projection.messaging;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The event topics' records in blocks of consecutive offsets, each with the earliest and latest
 * event time its records' headers give ({@link EventTimes}) and whether any gives none: what lets a
 * replay "as at" an instant pass over whole stretches of the log it knows hold nothing it would
 * keep, without reading their headers (ADR 0023, decision 8). Built from one read of every
 * record's header, in offset order per partition; it says nothing about offsets past the end it
 * was built to, which are always read.
 */
public final class RecordTimeIndex {

    /**
     * Records of one partition from offset {@code from} to before {@code to}, with the range of
     * their event times ({@code earliest} and {@code latest} null if none has one) and whether a
     * record whose header gives no time is among them ({@code untimed}).
     */
    public record Block(String topic, int partition, long from, long to, Instant earliest, Instant latest, boolean untimed) {

        /** Whether a record timed at or before {@code instant} may be among them. */
        public boolean mayHoldAtOrBefore(Instant instant) {
            return earliest != null && !earliest.isAfter(instant);
        }

        /** Whether a record timed after {@code from} and at or before {@code to} may be among them. */
        public boolean mayHoldBetween(Instant from, Instant to) {
            return latest != null && latest.isAfter(from) && mayHoldAtOrBefore(to);
        }
    }

    /** An index of nothing: every record is read. */
    public static final RecordTimeIndex NONE = new RecordTimeIndex(Map.of(), Map.of());

    private final Map<String, List<Block>> blocks;
    private final Map<String, Long> ends;

    private RecordTimeIndex(Map<String, List<Block>> blocks, Map<String, Long> ends) {
        this.blocks = blocks;
        this.ends = ends;
    }

    /** How many records a block holds for a log of {@code records}: about a thousand blocks in all, at least 16 records each. */
    public static int blockRecords(long records) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(16, records / 1024));
    }

    public List<Block> blocks() {
        return blocks.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The stretches of the log to pass over: every block {@code mayHoldKept} rules out, joined where
     * they meet. A partition whose end is now before the end the index was built to (the topic
     * recreated) is read whole.
     */
    public Spans passOver(Predicate<Block> mayHoldKept, Map<String, Long> endsNow) {
        Map<String, NavigableMap<Long, Long>> spans = new HashMap<>();
        blocks.forEach((partition, list) -> {
            Long now = endsNow.get(partition);
            if (now == null || now < ends.get(partition)) {
                return;
            }
            NavigableMap<Long, Long> partitionSpans = new TreeMap<>();
            for (Block block : list) {
                if (mayHoldKept.test(block)) {
                    continue;
                }
                Map.Entry<Long, Long> last = partitionSpans.lastEntry();
                if (last != null && last.getValue() == block.from()) {
                    partitionSpans.put(last.getKey(), block.to());
                } else {
                    partitionSpans.put(block.from(), block.to());
                }
            }
            if (!partitionSpans.isEmpty()) {
                spans.put(partition, partitionSpans);
            }
        });
        return new Spans(spans);
    }

    /** Stretches of offsets, per partition, that a reader passes over without reading a record. */
    public static final class Spans {

        public static final Spans NONE = new Spans(Map.of());

        private final Map<String, NavigableMap<Long, Long>> spans;

        private Spans(Map<String, NavigableMap<Long, Long>> spans) {
            this.spans = spans;
        }

        /** Where a reader at {@code offset} goes on to: the end of the span holding it, or {@code offset} if none does. */
        public long next(String topic, int partition, long offset) {
            if (spans.isEmpty()) {
                return offset;
            }
            NavigableMap<Long, Long> partitionSpans = spans.get(LogPositions.key(topic, partition));
            if (partitionSpans == null) {
                return offset;
            }
            Map.Entry<Long, Long> span = partitionSpans.floorEntry(offset);
            return span != null && span.getValue() > offset ? span.getValue() : offset;
        }

        /** The records passed over, in all. */
        public long records() {
            return spans.values().stream().flatMap(s -> s.entrySet().stream()).mapToLong(e -> e.getValue() - e.getKey()).sum();
        }
    }

    /** Builds an index from records handed to it in offset order per partition. */
    public static final class Builder {

        private final int blockRecords;
        private final Map<String, List<Block>> blocks = new LinkedHashMap<>();
        private final Map<String, Open> open = new HashMap<>();

        public Builder(int blockRecords) {
            if (blockRecords < 1) {
                throw new IllegalArgumentException("a block holds at least one record, not " + blockRecords);
            }
            this.blockRecords = blockRecords;
        }

        /** One record, after every earlier record of its partition. */
        public void add(LogPositions.Position position, Instant time) {
            String key = LogPositions.key(position.topic(), position.partition());
            Open block = open.computeIfAbsent(key, k -> new Open(position));
            if (position.offset() < block.last) {
                throw new IllegalStateException("records out of offset order in " + key + ": " + position.offset() + " after " + block.last);
            }
            block.add(position.offset(), time);
            if (block.records == blockRecords) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(block.close());
                open.remove(key);
            }
        }

        /** The index, up to {@code ends}: where the read that fed it ended. */
        public RecordTimeIndex build(LogPositions ends) {
            open.forEach((key, block) -> blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(block.close()));
            open.clear();
            Map<String, List<Block>> built = new HashMap<>();
            blocks.forEach((key, list) -> built.put(key, List.copyOf(list)));
            Map<String, Long> indexed = new HashMap<>(ends.ends());
            indexed.keySet().retainAll(built.keySet());
            return new RecordTimeIndex(Map.copyOf(built), Map.copyOf(indexed));
        }
    }

    private static final class Open {
        private final String topic;
        private final int partition;
        private final long from;
        private long last;
        private int records;
        private Instant earliest;
        private Instant latest;
        private boolean untimed;

        Open(LogPositions.Position first) {
            topic = first.topic();
            partition = first.partition();
            from = first.offset();
            last = first.offset();
        }

        void add(long offset, Instant time) {
            last = offset;
            records++;
            if (time == null) {
                untimed = true;
            } else {
                earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
                latest = latest == null || time.isAfter(latest) ? time : latest;
            }
        }

        Block close() {
            return new Block(topic, partition, from, last + 1, earliest, latest, untimed);
        }
    }

    /** As stored in {@code projection_state}: one list of blocks per partition (topic names hold dots). */
    public Document toDocument() {
        List<Document> partitions = new ArrayList<>();
        blocks.forEach((key, list) -> {
            Block first = list.get(0);
            // the earliest rounded down and the latest up to the millisecond: a block is never judged narrower than it is
            List<List<Object>> rows = list.stream().map(block -> Arrays.<Object>asList(block.from(), block.to(),
                    block.earliest() == null ? null : block.earliest().toEpochMilli(),
                    block.latest() == null ? null : millisUp(block.latest()), block.untimed())).toList();
            partitions.add(new Document("topic", first.topic()).append("partition", first.partition())
                    .append("end", ends.get(key)).append("blocks", rows));
        });
        return new Document("partitions", partitions);
    }

    public static RecordTimeIndex fromDocument(Document document) {
        Map<String, List<Block>> blocks = new HashMap<>();
        Map<String, Long> ends = new HashMap<>();
        for (Document partition : document.getList("partitions", Document.class)) {
            String topic = partition.getString("topic");
            int number = partition.getInteger("partition");
            String key = LogPositions.key(topic, number);
            ends.put(key, partition.get("end", Number.class).longValue());
            List<Block> list = new ArrayList<>();
            for (List<?> row : partition.getList("blocks", List.class)) {
                list.add(new Block(topic, number, ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(),
                        instant(row.get(2)), instant(row.get(3)), (Boolean) row.get(4)));
            }
            blocks.put(key, List.copyOf(list));
        }
        return new RecordTimeIndex(Map.copyOf(blocks), Map.copyOf(ends));
    }

    private static long millisUp(Instant instant) {
        long millis = instant.toEpochMilli();
        return Instant.ofEpochMilli(millis).equals(instant) ? millis : millis + 1;
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
