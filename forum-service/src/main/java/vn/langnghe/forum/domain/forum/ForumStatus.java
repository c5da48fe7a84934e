package vn.langnghe.forum.domain.forum;

/** Where a forum or resident meeting stands. Publishing the minutes is recorded on a closed forum. */
public enum ForumStatus {
    /** Lên kế hoạch: host, venue, date, delegation and invited groups are known. */
    SCHEDULED,
    /** Khai mạc: attendance counted; opinions are being recorded. */
    OPEN,
    /** Bế mạc: minutes written; nothing more is recorded, follow-ups go on. */
    CLOSED
}
