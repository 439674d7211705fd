package dev.tenure.equipment.domain;

/** Why an item was requested: for a start (joiner or rehire) or for a move; its due date follows that date. */
public enum Purpose {
    START, MOVE
}
