package vn.langnghe.servicekit.eventsourcing;

import java.util.List;
import vn.langnghe.eventsourcing.consumer.EventHandler;

/**
 * A service declares each of its event consumers by producing one of these as a CDI bean.
 *
 * @param name consumer group and checkpoint owner, e.g. reporting-service.intake
 * @param topics the topics it follows
 * @param handler what it does with each event, inside the checkpoint's transaction
 */
public record ConsumerBinding(String name, List<String> topics, EventHandler handler) {}
