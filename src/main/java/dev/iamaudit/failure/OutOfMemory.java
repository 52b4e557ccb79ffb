package dev.iamaudit.failure;

/**
 * Running out of memory means the data could not be had (exit 3), never a failed gate (1) or a pass
 * (0). The front ends catch it, wherever it was thrown (the rules and the fetches run on worker
 * threads, which hand it on), and say how large the heap was and how to give it more, each in its
 * own terms.
 */
public final class OutOfMemory {
  private static final long MIB = 1 << 20;

  private OutOfMemory() {}

  /** True when {@code failure} or one of its causes is an {@link OutOfMemoryError}. */
  public static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** True when the heap has a limit, as {@link Runtime#maxMemory()} reports it. */
  public static boolean limited(long maxHeap) {
    return maxHeap != Long.MAX_VALUE;
  }

  /** "256 MiB". */
  public static String size(long maxHeap) {
    return (maxHeap / MIB) + " MiB";
  }

  /** A heap twice as large, as {@code -Xmx} takes it: "512m", "2g". */
  public static String doubled(long maxHeap) {
    long mib = Math.max(64, 2 * ((maxHeap + MIB - 1) / MIB));
    return mib % 1024 == 0 ? (mib / 1024) + "g" : mib + "m";
  }
}
