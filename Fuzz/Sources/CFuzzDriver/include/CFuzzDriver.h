#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver as a library call (compiler-rt's FuzzerDriver.cpp, in libclang_rt.fuzzer): parses libFuzzer's
/// flags from argv and fuzzes `callback`. Linked only when the harnesses are built with `-sanitize=fuzzer`; see
/// FuzzSupport's `runFuzzer` for why the harnesses call it from their own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
