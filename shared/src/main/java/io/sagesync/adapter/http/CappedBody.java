package io.sagesync.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded HTTP I/O for calls to systems we do not control (Magento, Sage): a response body larger than a cap is
 * refused while it streams (never buffered whole), and the whole exchange — connect, headers and body — has one total
 * deadline. {@code HttpRequest.timeout} alone covers only the wait for the headers, so a server trickling a body could
 * hold a Lambda (and any lease it holds) far past its budget.
 */
public final class CappedBody {
    private CappedBody() {
    }

    /** Thrown (as the cause of an {@link IOException}) when a body exceeds its cap. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("response body larger than " + cap + " bytes");
        }
    }

    /**
     * Sends {@code request} and reads the body as UTF-8, at most {@code maxBytes}, all within {@code deadline}.
     *
     * @throws HttpTimeoutException when the deadline passes first
     * @throws IOException          on a transport failure, or a {@link TooLargeException} for an oversized body
     */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request, long maxBytes, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, handler(maxBytes));
        try {
            return future.get(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** A body handler that keeps at most {@code maxBytes} and fails the exchange beyond. */
    public static HttpResponse.BodyHandler<String> handler(long maxBytes) {
        return info -> new Subscriber(maxBytes);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
        private final long cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLargeException(cap));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(out.toString(StandardCharsets.UTF_8));
        }
    }
}
