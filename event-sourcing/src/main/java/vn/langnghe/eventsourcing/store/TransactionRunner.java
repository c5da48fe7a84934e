package vn.langnghe.eventsourcing.store;

import javax.sql.DataSource;

/**
 * Where a command's transaction runs: in one of its own ({@link #ownTransactions}), or shared with the
 * commands that arrive at the same moment ({@link GroupCommit}). Either way the work commits or rolls
 * back as a whole, and the caller returns only once its outcome is durable.
 */
public interface TransactionRunner {

    <T> T inTransaction(Transactions.Work<T> work);

    /** One transaction, and one commit, per command. */
    static TransactionRunner ownTransactions(DataSource dataSource) {
        return new TransactionRunner() {
            @Override
            public <T> T inTransaction(Transactions.Work<T> work) {
                return Transactions.inTransaction(dataSource, work);
            }
        };
    }
}
