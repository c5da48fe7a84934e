package vn.langnghe.eventsourcing.store;

import java.util.List;

/** What an append wrote: the stream's new version and the recorded events. */
public record AppendResult(String streamId, long newVersion, List<RecordedEvent> events) {}
