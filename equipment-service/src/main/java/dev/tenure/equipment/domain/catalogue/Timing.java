package dev.tenure.equipment.domain.catalogue;

import java.time.LocalTime;

/**
 * The catalogue's clock rules, all in the person's own time zone.
 *
 * @param shippingLeadTimeDays  default days before the needed date by which an item must ship (an item may override it)
 * @param cutOff                the local time of day at which a leaver's devices are locked on the end date; due
 *                              dates fall at this time of day too
 * @param collectionWindowDays  a leaver's equipment is due back this many days after the end date
 * @param moverReturnWindowDays what a mover's new role no longer needs is due back this many days after the move
 */
public record Timing(int shippingLeadTimeDays, LocalTime cutOff, int collectionWindowDays, int moverReturnWindowDays) {
}
