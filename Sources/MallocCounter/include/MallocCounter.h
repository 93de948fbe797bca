#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

/// Heap allocations (malloc, calloc, realloc, memalign, aligned_alloc, posix_memalign) made by
/// the calling thread since it started. `orbital bench` reads it around a loop of Monte Carlo
/// draws and sweep points to report allocations per draw (0 on the hot path).
long orbital_thread_allocations(void);

#endif
