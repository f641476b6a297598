package fi.muutos.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs numbered calls on a number of client threads and measures throughput and latency. */
final class Load {

  private Load() {}

  @FunctionalInterface
  interface Call {
    void run(int i) throws Exception;
  }

  /**
   * Throughput per second and latency quantiles in milliseconds; {@code settledPerSecond} counts
   * the time until the asynchronous steps the calls started had run too (the same as {@code
   * perSecond} where a call waits for its own work).
   */
  record Result(
      int count, double perSecond, double settledPerSecond, double p50, double p95, double p99) {

    /** This result with the throughput counted until the work it started had settled. */
    Result settled(long elapsedNanos) {
      return new Result(count, perSecond, count * 1e9 / elapsedNanos, p50, p95, p99);
    }

    /** Requests that carry {@code each} items: throughput in items, latency per request. */
    Result perEvent(int each) {
      return new Result(count * each, perSecond * each, settledPerSecond * each, p50, p95, p99);
    }
  }

  /**
   * The same workload measured in several rounds: each figure is the median over the rounds, and
   * the spread is the smallest and largest throughput (or, for reads, p95).
   */
  record Rounds(List<Result> rounds) {

    Rounds {
      rounds = List.copyOf(rounds);
    }

    Result median() {
      return new Result(
          rounds.get(0).count(),
          median(Result::perSecond),
          median(Result::settledPerSecond),
          median(Result::p50),
          median(Result::p95),
          median(Result::p99));
    }

    double min(java.util.function.ToDoubleFunction<Result> figure) {
      return rounds.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    double max(java.util.function.ToDoubleFunction<Result> figure) {
      return rounds.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    double median(java.util.function.ToDoubleFunction<Result> figure) {
      double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
      int middle = values.length / 2;
      return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
  }

  /**
   * Runs {@code count} calls on {@code clients} threads. A call that throws is a failure; any
   * failure fails the measurement (the benchmark reports only work that was done).
   */
  static Result run(int clients, int count, Call call) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[] latencies = new long[count];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begin = System.nanoTime();
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      threads.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < count && failure.get() == null;
                    i = next.getAndIncrement()) {
                  long start = System.nanoTime();
                  try {
                    call.run(i);
                  } catch (Exception e) {
                    failure.compareAndSet(null, e);
                  }
                  latencies[i] = System.nanoTime() - start;
                }
                return null;
              }));
    }
    for (Future<?> thread : threads) {
      thread.get();
    }
    long elapsed = System.nanoTime() - begin;
    pool.shutdown();
    if (failure.get() != null) {
      throw new AssertionError("a request failed: " + failure.get().getMessage(), failure.get());
    }
    Arrays.sort(latencies);
    return new Result(
        count,
        count * 1e9 / elapsed,
        count * 1e9 / elapsed,
        millis(latencies, 0.50),
        millis(latencies, 0.95),
        millis(latencies, 0.99));
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
