package io.maap.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class BackingServiceFailuresTest {

    @Test
    void aDatabaseRestartingOrUnreachableIsUnavailability() {
        assertThat(BackingServiceFailures.isUnavailable(new IllegalStateException("append failed",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(BackingServiceFailures.isUnavailable(new RuntimeException(new SQLException("connection refused", "08001"))))
                .isTrue();
        assertThat(BackingServiceFailures.isUnavailable(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(BackingServiceFailures.isUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void otherFailuresAreTheServicesOwn() {
        assertThat(BackingServiceFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(BackingServiceFailures.isUnavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
    }
}
