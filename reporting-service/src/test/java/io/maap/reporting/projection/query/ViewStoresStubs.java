package io.maap.reporting.projection.query;

import java.time.LocalDate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/** A mocked {@link ViewStores} over one store, for the web tests of views live and "as of" a date. */
public final class ViewStoresStubs {

    private ViewStoresStubs() {
    }

    /** Live views read {@code store} as on {@code today}; a view "as of" a date (no instant) reads it as of that date. */
    public static void over(ViewStores views, ProjectionStore store, LocalDate today) {
        given(views.view(any())).willReturn(new ViewStores.View(store, today, null));
        given(views.view(isNull(), any())).willAnswer(call -> call.getArgument(1) == null
                ? new ViewStores.View(store, today, null)
                : new ViewStores.View(store, call.getArgument(1), null, call.getArgument(1)));
    }
}
