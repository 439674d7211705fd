package dev.tenure.equipment.domain;

/** The kinds of equipment the catalogue can hand out. */
public enum ItemType {
    LAPTOP, DESKTOP, MONITOR, PHONE, TABLET, BADGE, SECURITY_TOKEN, HEADSET, DOCKING_STATION, OTHER;

    /** Can be locked from afar at a leaver's cut-off: device management for computers and phones, deactivation for badges and tokens. */
    public boolean remotelyLockable() {
        return switch (this) {
            case LAPTOP, DESKTOP, PHONE, TABLET, BADGE, SECURITY_TOKEN -> true;
            default -> false;
        };
    }

    /** Holds the organisation's data: it must be wiped after collection before it is redeployed or retired. */
    public boolean holdsData() {
        return switch (this) {
            case LAPTOP, DESKTOP, PHONE, TABLET -> true;
            default -> false;
        };
    }
}
