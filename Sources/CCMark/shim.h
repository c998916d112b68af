// The system libcmark (Debian: libcmark-dev), found through pkg-config `libcmark`.
#include <cmark.h>
