// Counts the calling thread's heap allocations for `orbital bench` ("allocations per draw").
//
// The executable defines the allocation functions, so every library of the process (the Swift
// runtime included) calls these; each counts in a thread-local counter and forwards to glibc's
// own allocator (__libc_malloc & co.), so memory is managed exactly as without it. Linux/glibc
// only; elsewhere the counter reads -1 (unknown).
#include "MallocCounter.h"
#include <errno.h>
#include <stddef.h>

#if defined(__linux__) && defined(__GLIBC__)

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static __thread long allocations;

void *malloc(size_t n) { allocations++; return __libc_malloc(n); }
void *calloc(size_t count, size_t n) { allocations++; return __libc_calloc(count, n); }
void *realloc(void *p, size_t n) { allocations++; return __libc_realloc(p, n); }
void free(void *p) { __libc_free(p); }
void *memalign(size_t alignment, size_t n) { allocations++; return __libc_memalign(alignment, n); }
void *aligned_alloc(size_t alignment, size_t n) { allocations++; return __libc_memalign(alignment, n); }
int posix_memalign(void **out, size_t alignment, size_t n) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    allocations++;
    void *p = __libc_memalign(alignment, n);
    if (p == NULL) return ENOMEM;
    *out = p;
    return 0;
}

long orbital_thread_allocations(void) { return allocations; }
#else
long orbital_thread_allocations(void) { return -1; }
#endif
