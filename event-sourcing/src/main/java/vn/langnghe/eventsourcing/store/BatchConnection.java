package vn.langnghe.eventsourcing.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * What one command of a {@link GroupCommit} batch gets: the batch's connection, minus the means to end
 * or reshape the transaction the other commands share. Savepoints of its own stay allowed.
 */
final class BatchConnection implements InvocationHandler {

    private static final Set<String> REFUSED = Set.of("commit", "setAutoCommit", "close", "abort",
            "setTransactionIsolation", "setReadOnly", "setNetworkTimeout");

    private final Connection shared;

    private BatchConnection(Connection shared) {
        this.shared = shared;
    }

    static Connection guard(Connection shared) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BatchConnection(shared));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        boolean wholeRollback = name.equals("rollback") && (args == null || args.length == 0);
        if (wholeRollback || REFUSED.contains(name)) {
            throw new SQLException(name + "() is not allowed inside a group commit: the transaction is shared"
                    + " with other commands; throw to undo this command's writes", "25000");
        }
        try {
            return method.invoke(shared, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
