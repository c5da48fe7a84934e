package vn.langnghe.contracts.reference;

/**
 * What a unit is, for display and filters. The tree itself has any depth: reports aggregate by child
 * unit, never by a fixed level, since levels come and go (district police were dissolved in 2025).
 */
public enum UnitLevel {
    /** Bộ Công an. */
    MINISTRY,
    /** Công an tỉnh / thành phố trực thuộc trung ương. */
    PROVINCE,
    /** Công an quận / huyện / thị xã / thành phố thuộc tỉnh (until 2025-03-01). */
    DISTRICT,
    /** Công an phường (urban ward). */
    WARD,
    /** Công an xã (rural commune). */
    COMMUNE,
    /** Công an đặc khu (special zone, an island unit at communal level from 2025). */
    SPECIAL_ZONE,
}
