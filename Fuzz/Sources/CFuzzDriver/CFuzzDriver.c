// The declaration of libFuzzer's driver lives in include/CFuzzDriver.h; a C target needs one source file.
#include "CFuzzDriver.h"
