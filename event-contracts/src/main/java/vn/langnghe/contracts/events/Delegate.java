package vn.langnghe.contracts.events;

/**
 * A member of a forum's delegation (đoàn công tác), by unit and position, never by name.
 *
 * @param unitId code of the unit the delegate comes from
 * @param title  the position, e.g. "Phó Giám đốc Công an thành phố", 1..200 characters
 */
public record Delegate(String unitId, String title) {

    public static final int TITLE_MAX_LENGTH = 200;

    public Delegate {
        CommonFields.requireUnitCode(unitId, "unitId");
        CommonFields.requireLength(title, 1, TITLE_MAX_LENGTH, "title");
    }
}
