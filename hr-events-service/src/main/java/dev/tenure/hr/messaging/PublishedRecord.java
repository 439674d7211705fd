package dev.tenure.hr.messaging;

import dev.tenure.schemas.hr.HrLifecycleEvent;

/** An envelope the broker has confirmed, with where it landed. */
public record PublishedRecord(HrLifecycleEvent event, int partition, long offset) {
}
