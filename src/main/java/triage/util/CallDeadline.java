package triage.util;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives every unary gRPC call that has none a deadline: jetcd sets none and waits for a ready
 * channel, so against a hung etcd a call would never end. Streams (a watch) are left without one;
 * they are meant to stay open.
 */
public final class CallDeadline implements ClientInterceptor {
    private final LongSupplier nanosLeft;

    /** @param nanosLeft how long the call about to start may take, asked afresh for each call */
    public CallDeadline(LongSupplier nanosLeft) { this.nanosLeft = nanosLeft; }

    /** The same {@code timeout} for every call. */
    public static CallDeadline after(Duration timeout) {
        long nanos = timeout.toNanos();
        return new CallDeadline(() -> nanos);
    }

    @Override public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
            options = options.withDeadlineAfter(nanosLeft.getAsLong(), TimeUnit.NANOSECONDS);
        }
        return next.newCall(method, options);
    }
}
