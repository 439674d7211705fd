package dev.tenure.equipment.desk;

/**
 * A deskside step as asked for over HTTP. The item is named by {@code personId} + {@code itemId}, or by the
 * {@code assetTag} it carries (a scanned label); assigning an asset to a requested item needs the ids, the tag and
 * the serial number.
 *
 * @param step one of ASSIGNED, PREPARED, SHIPPED, DELIVERED, COLLECTED, WIPED, REDEPLOYED, RETIRED, LOST, STOLEN
 * @param note free text kept with the step (a tracking number, where it was found ...)
 */
public record StepRequest(String personId, String itemId, String assetTag, String serialNumber, String step,
                          String note) {
}
