// glibc's allocator settings (mallopt, in malloc.h), which Swift's Glibc module leaves out. Empty with
// another C library.
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
