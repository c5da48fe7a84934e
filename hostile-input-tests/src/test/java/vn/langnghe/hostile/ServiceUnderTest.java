package vn.langnghe.hostile;

import vn.langnghe.testsupport.process.ServiceProcess;

/**
 * One running service: where to send requests ({@link #apiBaseUrl()}, which a contract-checking proxy may
 * replace), the process behind it, and the database it owns.
 */
record ServiceUnderTest(String name, ServiceProcess process, String database, String apiBaseUrl) {

    ServiceUnderTest(String name, ServiceProcess process, String database) {
        this(name, process, database, process.baseUrl());
    }

    ServiceUnderTest through(String proxyBaseUrl) {
        return new ServiceUnderTest(name, process, database, proxyBaseUrl);
    }
}
