package vn.langnghe.personal;

/** Refuses to write data for a subject whose key was destroyed: it would be unreadable from the start. */
public final class SubjectErased extends IllegalStateException {

    public SubjectErased(Subject subject) {
        super(subject + " was erased: its key is destroyed");
    }
}
